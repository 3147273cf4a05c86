"""POST /api/upload with PNG/JPEG/TIFF scans and seed 001's OCR options, against the gateway."""

import io

import pytest
from e2e.docs import make_pdf
from PIL import Image

from docmill_contracts import subjects as s
from docmill_contracts.messages import ocr_job_decoder

pytestmark = pytest.mark.slow


def _image(fmt: str, *, frames: int = 1) -> bytes:
    pages = [Image.new("L", (120, 80), 255 - 40 * i) for i in range(frames)]
    buf = io.BytesIO()
    pages[0].save(buf, format=fmt, save_all=frames > 1, append_images=pages[1:])
    return buf.getvalue()


async def _upload(api, files: list[tuple[str, bytes]], **form: str):
    return await api.post(
        "/api/upload",
        files=[("files", (name, data, "application/octet-stream")) for name, data in files],
        data=form,
    )


async def test_images_are_told_apart_by_their_bytes_not_their_names(api):
    r = await _upload(
        api,
        [
            ("scan-a.pdf", _image("PNG")),  # a PNG that calls itself a PDF
            ("scan-b.jpg", _image("JPEG")),
            ("scan-c.tif", _image("TIFF", frames=3)),
            ("scan-d.png", make_pdf("really a PDF")),
        ],
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["rejected"] == []
    types = [
        (await api.get(f"/api/documents/{d}")).json()["media_type"] for d in body["document_ids"]
    ]
    assert types == ["image/png", "image/jpeg", "image/tiff", "application/pdf"]


async def test_text_named_pdf_is_refused_with_the_reason(api):
    r = await _upload(api, [("letter.pdf", b"Dear Sir, please find the deed attached.")])
    assert r.status_code == 400
    detail = r.json()["detail"]
    assert detail.startswith("No valid PDF files uploaded"), detail
    assert "letter.pdf: not a PDF" in detail
    assert "nor a PNG, JPEG or TIFF image" in detail


async def test_one_bad_file_among_images_is_listed_and_the_rest_kept(api):
    r = await _upload(api, [("good.png", _image("PNG")), ("bad.tiff", b"II*")])
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["files"] == ["good.png"]
    assert [x["filename"] for x in body["rejected"]] == ["bad.tiff"]
    assert body["rejected"][0]["reason"].startswith("not a PDF")


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"ocr_mode": "turbo"}, "ocr_mode must be one of fast, high_accuracy (got 'turbo')"),
        ({"output_format": "html"}, "output_format must be one of raw, paragraph"),
        ({"language_hint": "fr"}, "language_hint must be ISO 639 codes among en, kn"),
        ({"auto_language_detection": "maybe"}, "auto_language_detection must be true or false"),
        (
            {"language_hint": "kn", "auto_language_detection": "true"},
            "language_hint is used only when auto_language_detection is false",
        ),
    ],
)
async def test_bad_ocr_option_is_400_and_stores_nothing(api, form, message):
    before = len((await api.get("/api/documents", params={"status": "all"})).json())
    r = await _upload(api, [("deed.png", _image("PNG"))], **form)
    assert r.status_code == 400
    assert message in r.json()["detail"]
    after = len((await api.get("/api/documents", params={"status": "all"})).json())
    assert after == before


async def test_ocr_options_are_stored_per_document_and_shown(api):
    chosen = await _upload(
        api,
        [("kannada.png", _image("PNG"))],
        ocr_mode="high_accuracy",
        output_format="paragraph",
        language_hint="KN",
    )
    plain = await _upload(api, [("plain.pdf", make_pdf())])
    doc = (await api.get(f"/api/documents/{chosen.json()['document_ids'][0]}")).json()
    assert {k: doc[k] for k in ("ocr_mode", "output_format", "language_hint")} == {
        "ocr_mode": "high_accuracy",
        "output_format": "paragraph",
        "language_hint": "kn",
    }
    # A hint without a choice about detection turns detection off: else it would be ignored.
    assert doc["auto_language_detection"] is False
    default = (await api.get(f"/api/documents/{plain.json()['document_ids'][0]}")).json()
    assert [default[k] for k in ("ocr_mode", "output_format", "language_hint")] == [None] * 3
    assert default["auto_language_detection"] is None
    assert default["media_type"] == "application/pdf"
    # Seed 000's fields are all still there.
    for key in ("document_id", "batch_id", "property_details", "buyers", "sellers", "status"):
        assert key in default


async def test_media_type_and_options_reach_the_ocr_job(api, js):
    fast = await _upload(
        api, [("fast-scan.pdf", _image("PNG"))], ocr_mode="fast", auto_language_detection="on"
    )
    tiff = await _upload(api, [("pages.tiff", _image("TIFF", frames=2))], output_format="raw")
    wanted = {fast.json()["document_ids"][0], tiff.json()["document_ids"][0]}
    assert (await api.post("/api/process/start", json={"ocr_workers": 4})).status_code == 200
    psub = await js.pull_subscribe_bind(durable=s.CONSUMER_OCR, stream=s.STREAM_OCR)
    jobs = {}
    for _ in range(40):
        for m in await psub.fetch(8, timeout=10):
            job = ocr_job_decoder.decode(m.data)
            jobs[job.document_id] = job
            await m.ack_sync()
        if wanted <= set(jobs):
            break
    await api.post("/api/process/stop")
    fast_job = jobs[fast.json()["document_ids"][0]]
    assert fast_job.media_type == "image/png"
    assert fast_job.object_name.endswith(".png")
    assert fast_job.options.mode == "fast"
    assert fast_job.options.auto_language_detection is True
    assert fast_job.options.output_format is None
    tiff_job = jobs[tiff.json()["document_ids"][0]]
    assert tiff_job.media_type == "image/tiff"
    assert tiff_job.options.output_format == "raw"
    assert tiff_job.options.mode is None
