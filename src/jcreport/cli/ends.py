"""How commands end when the world goes away, never with a traceback: a closed pipe on stdout
(``| head``) ends the command quietly with exit 0, as rg does (not click's exit 1); Ctrl-C exits
130 and SIGTERM 143 after the command's own cleanup (outputs closed consistent and resumable)."""
from __future__ import annotations

import functools
import os
import signal
import sys


def quiet_exit(code: int) -> None:
    """Exit with ``code``; nothing more is written to a stdout whose reader is gone."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    sys.exit(code)


class Terminated(KeyboardInterrupt):
    """SIGTERM, unwound like Ctrl-C so every ``finally`` runs."""


_received: list[int] = []                  # the stop signals received, so a lost exception is raised again


def _stop(signum, frame):
    _received.append(signum)
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


def install() -> None:
    """Ctrl-C and SIGTERM unwind the main process (the console entry point calls this), and are
    remembered for ``raise_if_stopped``."""
    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)


def raise_if_stopped(*_) -> None:
    """Raise again the exception of a stop signal received earlier. The handler's exception can be
    lost: raised while a finalizer or a weakref callback runs, CPython reports it as ignored and
    goes on. A batch calls this after each document, so it still stops at the next one."""
    if _received:
        raise Terminated() if _received[-1] == signal.SIGTERM else KeyboardInterrupt()


def ends_quietly(command):
    """Wrap a command's function with the quiet ends above."""
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            result = command(*args, **kwargs)
            sys.stdout.flush()
            return result
        except BrokenPipeError:
            quiet_exit(0)
        except Terminated:
            sys.stderr.write("jcreport: terminated\n")
            quiet_exit(143)
        except KeyboardInterrupt:
            sys.stderr.write("jcreport: interrupted\n")
            quiet_exit(130)
    return wrapper
