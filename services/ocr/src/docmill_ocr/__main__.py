"""`python -m docmill_ocr` runs the OCR worker."""

import asyncio

from docmill_ocr.app import main


def run() -> None:
    """Console-script entry point."""
    asyncio.run(main())


if __name__ == "__main__":
    run()
