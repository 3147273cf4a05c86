"""A stand-in service for stack tests: serves /healthz and records its environment."""

import argparse
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class Health(BaseHTTPRequestHandler):
    """Answers 200 on /healthz, 404 elsewhere."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.send_response(200 if self.path == "/healthz" else 404)
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args: object) -> None:
        pass


def main() -> None:
    """Serve health until SIGTERM (or exit early, or ignore SIGTERM, when asked)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--exit-after", type=float, default=None)
    parser.add_argument("--ignore-term", action="store_true")
    parser.add_argument("--no-health", action="store_true")
    parser.add_argument("--long-line", type=int, default=0)
    args = parser.parse_args()
    name = os.environ["DOCMILL_SERVICE_NAME"]
    record = Path(os.environ["DOCMILL_DATA_DIR"]) / f"{name}.env.json"
    record.write_text(json.dumps({"pid": os.getpid(), "env": dict(os.environ)}))
    stopped = threading.Event()
    if args.ignore_term:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    else:
        signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    if not args.no_health:
        server = ThreadingHTTPServer(("127.0.0.1", int(os.environ["DOCMILL_HEALTH_PORT"])), Health)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    if args.long_line:
        sys.stdout.write("x" * args.long_line + "\n")
    sys.stdout.write(f"{name} up\n")
    sys.stdout.flush()
    deadline = time.monotonic() + args.exit_after if args.exit_after else None
    while not stopped.wait(0.05):
        if deadline and time.monotonic() > deadline:
            sys.stdout.write(f"{name} crashing\n")
            sys.exit(3)
    sys.stdout.write(f"{name} stopping\n")


if __name__ == "__main__":
    main()
