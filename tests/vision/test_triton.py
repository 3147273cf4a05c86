"""The Triton backend, through the real tritonclient, against a real Triton server."""

from __future__ import annotations

import numpy as np
import pytest

from docmill_synth.feepage import compose_page
from docmill_vision.detector import Detector, DetectorConfig
from docmill_vision.evaluate import evaluate_detector

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("protocol", ["http", "grpc"])
def test_triton_backend_passes_the_detection_test(triton_server, protocol: str) -> None:
    url = triton_server.http_url if protocol == "http" else triton_server.grpc_url
    remote = Detector(DetectorConfig(backend="triton", triton_url=url, triton_protocol=protocol))
    assert remote.backend.describe()["protocol"] == protocol
    scores = evaluate_detector(remote, pages=50)
    assert scores["map50"] >= 0.97, scores
    assert scores["recall_at_conf"] >= 0.95, scores


def test_triton_and_onnxruntime_find_the_same_boxes(triton_server) -> None:
    local = Detector(DetectorConfig(backend="onnxruntime"))
    remote = Detector(
        DetectorConfig(backend="triton", triton_url=triton_server.grpc_url, triton_protocol="grpc")
    )
    for seed in range(3_000_000, 3_000_010):
        image = np.asarray(compose_page(seed, size=640).image)
        mine, theirs = local.detect(image), remote.detect(image)
        assert len(mine) == len(theirs)
        for a, b in zip(mine, theirs, strict=True):
            assert a.box == pytest.approx(b.box, abs=1.0)
            assert a.score == pytest.approx(b.score, abs=1e-3)


def test_triton_backend_batches_pages(triton_server) -> None:
    remote = Detector(DetectorConfig(backend="triton", triton_url=triton_server.http_url))
    batch = np.zeros((2, 3, 640, 640), dtype=np.float32)
    assert remote.backend.infer(batch).shape == (2, 5, 8400)
