"""`python -m docmill_extractor` runs the extractor worker."""

import asyncio

from docmill_extractor.app import main


def run() -> None:
    """Console-script entry point."""
    asyncio.run(main())


if __name__ == "__main__":
    run()
