"""`python -m docmill_gateway`: serve the REST API with uvicorn."""

from __future__ import annotations

import errno
import socket
import sys

import uvicorn

from docmill_gateway.app import configure, create_app
from docmill_gateway.settings import GatewaySettings


def port_free(host: str, port: int) -> bool:
    """True when nothing listens on host:port."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as err:
            if err.errno == errno.EADDRINUSE:
                return False
            raise
    return True


def main() -> None:
    settings = GatewaySettings.from_env()
    configure(settings)
    if not port_free(settings.host, settings.port):
        sys.stderr.write(
            f"docmill gateway: port {settings.port} on {settings.host} is already in use. "
            "Stop what listens there or set DOCMILL_HTTP_PORT to another port.\n"
        )
        raise SystemExit(2)
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        log_level=settings.log_level,
        timeout_graceful_shutdown=20,
    )


if __name__ == "__main__":
    main()
