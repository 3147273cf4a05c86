"""`python -m docmill_vision` runs the vision worker."""

import asyncio

from docmill_vision.app import main


def run() -> None:
    """Console-script entry point."""
    asyncio.run(main())


if __name__ == "__main__":
    run()
