"""Small helpers about local TCP ports."""

from __future__ import annotations

import socket
import threading

# Linux hands out ephemeral ports (bind to port 0, outgoing connections) from 32768 up by
# default, so ports below it are never given to anyone who did not ask for them by number.
EPHEMERAL_LOW = 32768
BLOCK_FLOOR = 12000
BLOCK_SIZE = 2000

_lock = threading.Lock()
_block: range | None = None
_next = 0


def use_port_block(index: int) -> None:
    """Hand out ports only from block `index` below the ephemeral range, one after the other.

    Processes that each pick "free" ports and bind them later (parallel test workers
    starting stacks) can pick the same kernel-chosen port; disjoint blocks cannot.
    """
    global _block, _next
    low = BLOCK_FLOOR + index * BLOCK_SIZE
    if low + BLOCK_SIZE > EPHEMERAL_LOW:
        raise ValueError(f"port block {index} would reach the ephemeral range")
    with _lock:
        _block, _next = range(low, low + BLOCK_SIZE), low


def find_free_ports(count: int, host: str = "127.0.0.1") -> int:
    """Return the first of `count` consecutive TCP ports that are free right now on host."""
    if _block is None:
        for _ in range(50):
            base = _kernel_port(host)
            if base + count < 65535 and all(is_port_free(base + i, host) for i in range(count)):
                return base
        raise OSError(f"no run of {count} free ports on {host}")
    return _ports_from_block(count, host)


def find_free_port(host: str = "127.0.0.1") -> int:
    """Return a TCP port that is free right now on host."""
    return find_free_ports(1, host) if _block is not None else _kernel_port(host)


def _kernel_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _ports_from_block(count: int, host: str) -> int:
    global _next
    assert _block is not None
    with _lock:
        # Ports are never handed out twice by this process: a test may still be starting
        # a server on an earlier one.
        while _next + count <= _block.stop:
            base = _next
            _next += 1
            if all(is_port_free(base + i, host) for i in range(count)):
                _next = base + count
                return base
    raise OSError(f"port block {_block.start}-{_block.stop - 1} is used up")


def is_port_free(port: int, host: str = "127.0.0.1") -> bool:
    """Tell whether port can be bound on host (and on all interfaces)."""
    for bind_host in (host, "0.0.0.0"):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            # SO_REUSEADDR mirrors what servers do, so TIME_WAIT leftovers don't count as taken.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind((bind_host, port))
            except OSError:
                return False
    return True
