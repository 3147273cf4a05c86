import importlib.util
import sys
from pathlib import Path

import pymupdf
import pytest

from docmill_contracts.messages import PageText

# Until the extractor package is installed, import its sources straight from the tree.
if importlib.util.find_spec("docmill_extractor") is None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "services/extractor/src"))


def read_pages(pdf: bytes) -> list[PageText]:
    """Read a PDF's text layer page by page, as the OCR service does."""
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return [PageText(page=i, text=page.get_text()) for i, page in enumerate(doc, start=1)]


@pytest.fixture
def pages_of():
    return read_pages
