"""Run a piece of hostile-input work under a memory cap and a time limit, in a forked child.

A regression in a limit must fail its test, not eat the machine: the child gets an address
space limit of what the test process already has plus ``memory_mb``, and ``seconds`` of
wall time, after which it is killed. The child inherits the loaded rule sets (fork), so a
bounded call costs milliseconds, not an interpreter start.
"""

from __future__ import annotations

import os
import pickle
import resource
import signal
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = [sys.executable, "-c", "import sys; from claims.cli import main; sys.exit(main())"]


class Exceeded(AssertionError):
    """The work ran out of time or memory."""


def _address_space() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[0]) * resource.getpagesize()


def bounded(func: Callable[..., Any], *args: Any, seconds: float = 20, memory_mb: int = 400,
            **kwargs: Any) -> Any:
    """``func(*args, **kwargs)`` in a child capped at ``memory_mb`` more memory and ``seconds``.

    Returns its result; re-raises its exception (as the type it was, message kept); raises
    :class:`Exceeded` when the child ran out of time or memory.
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        os.close(read_end)
        code = 0
        try:
            limit = _address_space() + memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
            try:
                outcome: tuple[str, Any] = ("ok", func(*args, **kwargs))
            except MemoryError:
                outcome = ("memory", None)
            except BaseException as exc:  # noqa: BLE001 - handed to the parent
                outcome = ("raised", (type(exc), str(exc), traceback.format_exc()))
            try:
                data = pickle.dumps(outcome)
            except Exception as exc:  # noqa: BLE001
                data = pickle.dumps(("raised", (TypeError, f"unpicklable result: {exc}", "")))
            with os.fdopen(write_end, "wb") as out:
                out.write(data)
        except BaseException:  # noqa: BLE001
            code = 3
        finally:
            os._exit(code)
    os.close(write_end)
    deadline = time.monotonic() + seconds
    chunks: list[bytes] = []
    os.set_blocking(read_end, False)
    with os.fdopen(read_end, "rb") as pipe:
        while True:
            try:
                chunk = pipe.read()
            except BlockingIOError:
                chunk = None
            if chunk:
                chunks.append(chunk)
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                rest = pipe.read()
                if rest:
                    chunks.append(rest)
                break
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                raise Exceeded(f"took longer than {seconds} s")
            time.sleep(0.005)
    if not chunks:
        raise Exceeded(f"the child died without an answer (status {status}): out of memory?")
    kind, value = pickle.loads(b"".join(chunks))
    if kind == "memory":
        raise Exceeded(f"needed more than {memory_mb} MiB")
    if kind == "raised":
        exc_type, message, trace = value
        try:
            error = exc_type(message)
        except Exception:  # noqa: BLE001 - an exception class with another signature
            error = AssertionError(f"{exc_type.__name__}: {message}")
        error.child_traceback = trace  # type: ignore[attr-defined]
        raise error
    return value


def run_cli(args: list[str], *, cwd: Path | None = None, seconds: float = 30, memory_mb: int = 600,
            stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The real command line in a process of its own with a memory cap: (returncode, stdout, stderr)."""
    limit = memory_mb * 1024 * 1024 + 300 * 1024 * 1024  # the interpreter and libraries map ~300 MiB

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    environment = {**os.environ, "CLAIMS_NO_PROGRESS": "1", **(env or {})}
    environment.pop("CLAIMS_DEBUG", None)
    try:
        return subprocess.run(CLAIMS + args, cwd=cwd, input=stdin, capture_output=True, timeout=seconds,
                              preexec_fn=cap, env=environment)
    except subprocess.TimeoutExpired:
        raise Exceeded(f"claims {' '.join(args)} took longer than {seconds} s") from None
