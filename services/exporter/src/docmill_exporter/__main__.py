"""`python -m docmill_exporter`."""

import asyncio

from docmill_exporter.app import main


def run() -> None:
    """Console-script entry point."""
    asyncio.run(main())


if __name__ == "__main__":
    run()
