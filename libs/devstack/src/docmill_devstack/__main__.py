"""`python -m docmill_devstack run`: the local stack behind `make run`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

import structlog

from docmill_devstack.errors import DevstackError
from docmill_devstack.stack import StackSettings
from docmill_devstack.supervisor import run_stack


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen command."""
    parser = argparse.ArgumentParser(prog="python -m docmill_devstack")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="start nats-server, PostgreSQL and every service")
    run.add_argument(
        "--services",
        type=Path,
        help="JSON list of services to run instead of the real five (DOCMILL_STACK_SERVICES)",
    )
    args = parser.parse_args(argv)
    _configure_logging()
    log = structlog.get_logger("docmill.devstack")
    try:
        settings = StackSettings.from_env()
        if args.services:
            settings = StackSettings(**{**settings.__dict__, "services_file": args.services})
        return asyncio.run(run_stack(settings))
    except DevstackError as exc:
        log.error(str(exc))
        return 2


def _configure_logging() -> None:
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="%H:%M:%S"),
            structlog.dev.ConsoleRenderer(colors=sys.stderr.isatty()),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.INFO),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
    )


if __name__ == "__main__":
    sys.exit(main())
