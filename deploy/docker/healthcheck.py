#!/usr/bin/env python3
"""Exit 0 when this container's /healthz answers 200; Docker and Compose health checks run it.

The slim Python images carry no curl or wget, and a one-line `python -c` in every
Compose file and Dockerfile would hide the port logic in quoting. Workers serve
/healthz on DOCMILL_HEALTH_PORT, the gateway on its HTTP port DOCMILL_HTTP_PORT.
"""

import os
import sys
import urllib.error
import urllib.request

port = os.environ.get("DOCMILL_HEALTH_PORT") or os.environ.get("DOCMILL_HTTP_PORT")
if not port:
    sys.exit("docmill-healthcheck: set DOCMILL_HEALTH_PORT or DOCMILL_HTTP_PORT")
try:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=4) as response:
        sys.exit(0 if response.status == 200 else 1)
except (urllib.error.URLError, OSError) as err:
    sys.exit(f"docmill-healthcheck: {err}")
