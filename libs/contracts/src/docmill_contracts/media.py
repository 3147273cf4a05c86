"""What an uploaded file is, from its first bytes: the check gateway and workers share."""

from __future__ import annotations

PDF_MAGIC = b"%PDF-"
# The PDF header may sit anywhere in the first KiB (some scanners prepend junk).
HEADER_WINDOW = 1024
IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
# Object-store suffix per media type, so a stored file opens with the right reader.
SUFFIXES = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/tiff": ".tiff",
}


def sniff_media_type(head: bytes) -> str | None:
    """The media type of a file starting with `head` (its first KiB), or None if unknown."""
    for magic, media_type in IMAGE_MAGIC:
        if head.startswith(magic):
            return media_type
    if PDF_MAGIC in head[:HEADER_WINDOW]:
        return "application/pdf"
    return None
