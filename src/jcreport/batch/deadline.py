"""The per-document time limit (--timeout), in whichever thread converts the document.

In a process's main thread (the local worker processes, and -j 1) it is SIGALRM: the handler
raises between bytecodes and also inside the C loops that check for signals (a long regular
expression match) and interrupts a blocking system call. Signals reach only the main thread, so in
any other thread (a Dask worker runs tasks in a thread pool) a watchdog timer raises ``Expired``
into the converting thread with ``PyThreadState_SetAsyncExc``: it lands at the next bytecode, so it
bounds Python code but not one long C call (a regex match, a sleep, a blocking read), which is let
finish and then stopped. Either way a document over the limit is a DocumentTimeout, also when the
exception was swallowed on the way (the limit is checked again when the document is done), and
nothing is left pending for the thread's next document. One window cannot be closed from inside:
an ``Expired`` that lands on the very entry of ``__exit__`` (the interpreter checks for pending
exceptions there, before any ``try`` of its body) leaves the block as ``Expired`` itself, so a
caller treats ``Expired`` like ``DocumentTimeout`` (``worker.convert`` does).
"""
from __future__ import annotations

import ctypes
import signal
import threading

from ..errors import DocumentTimeout


class Expired(BaseException):
    """Raised into a converting thread whose time is up (a BaseException: no ``except Exception``
    in a reader or the pipeline swallows it)."""


def expired(path: str, seconds: float) -> DocumentTimeout:
    return DocumentTimeout(path, f"extraction took longer than the limit of {seconds:g} s")


def _raise_in(thread_id: int, exc: type[BaseException] | None) -> None:
    """Set (or, with None, clear) the exception pending in another thread."""
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id), ctypes.py_object(exc) if exc else None)


class time_limit:
    """``with time_limit(seconds, path):`` raises DocumentTimeout when the body takes longer."""

    def __init__(self, seconds: float, path: str) -> None:
        self.seconds, self.path = seconds, path
        self.main = threading.current_thread() is threading.main_thread()

    def __enter__(self) -> time_limit:
        if self.main:
            def expire(signum, frame):
                raise expired(self.path, self.seconds)

            self.previous = signal.signal(signal.SIGALRM, expire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
            return self
        self.thread_id, self.lock = threading.get_ident(), threading.Lock()
        self.armed, self.fired = True, False
        self.timer = threading.Timer(self.seconds, self._fire)
        self.timer.daemon = True
        try:
            self.timer.start()
            return self
        except Expired:                                # landed before the block began (it lands once)
            self._disarm()
            raise expired(self.path, self.seconds) from None

    def _fire(self) -> None:
        with self.lock:
            if self.armed:
                self.fired = True
                _raise_in(self.thread_id, Expired)

    def _disarm(self) -> bool:
        """Stop the watchdog; whether it fired. Afterwards nothing is pending for this thread."""
        self.timer.cancel()
        with self.lock:
            self.armed = False
            if self.fired:
                _raise_in(self.thread_id, None)        # fired but not yet landed: it must not land later
        return self.fired

    def __exit__(self, typ, exc, tb) -> bool:
        if self.main:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous)
            return False
        try:
            fired = self._disarm()
        except Expired:                                # landed while disarming: it has fired, once
            fired = self._disarm()
        if typ is Expired or fired:
            raise expired(self.path, self.seconds) from None
        return False
