"""A time limit for a block of regex work, so a pattern that backtracks forever is stopped.

The regex module takes a ``timeout`` on every call, but checking it costs about 3 µs a
call, and the engine makes tens of thousands of short calls per megabyte (one per rule
and anchored sentence): 0.06 s of 0.72 s per megabyte when this was written. One interval timer per rule does the same
job for the price of two system calls: the regex module checks for signals while it
matches, so SIGALRM's handler interrupts even a single runaway match.

Signals exist only in the main thread of a POSIX process, and the timer is the
process's own; where either is not ours to take (a worker thread, Windows, a program
that set its own timer), :func:`limit` says so and callers pass ``timeout=`` per call.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


class Expired(Exception):
    """The block ran past its time limit."""


_armed = False  # the handler raises only while a block runs: a late alarm does nothing


def _on_alarm(signum: int, frame: Any) -> None:
    if _armed:
        raise Expired()


def _timer_is_ours() -> bool:
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    if signal.getitimer(signal.ITIMER_REAL)[0] > 0:  # someone else's timer is running
        return False
    # None: a handler set outside Python (an embedding program), not ours to replace
    return signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN)


@contextmanager
def limit(seconds: float) -> Iterator[bool]:
    """Raise :class:`Expired` in the block after ``seconds``; yields False when no timer guards it.

    A False answer means the caller must pass its own ``timeout=`` to each regex call.
    """
    with limits(seconds) as restart:
        if restart is not None:
            restart()
        yield restart is not None


@contextmanager
def limits(seconds: float) -> Iterator[Callable[[], None] | None]:
    """For a series of blocks (the rules of one article), each with ``seconds`` of its own:
    yields the function that starts a block's time (one system call), or None when no timer
    guards them. The handler is installed once for the series: installing it for each of a
    hundred rules cost six system calls a rule, a fifth of a short article's extraction."""
    global _armed
    if not _timer_is_ours():
        yield None
        return
    try:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
    except ValueError:  # signals are not this interpreter's (a sub-interpreter)
        yield None
        return
    try:
        _armed = True
        yield lambda: signal.setitimer(signal.ITIMER_REAL, seconds)
    finally:
        # disarmed before anything else, so an alarm arriving from here on (even one that
        # signal.signal below handles before it swaps the handler) raises nothing
        _armed = False
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)
