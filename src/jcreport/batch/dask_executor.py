"""Conversion on a Dask cluster (``batch --executor dask --dask ADDRESS|local``), through the same runner.

The run's settings (limits, the loaded lexicon, the tokenizer, what is already done) are installed
once on every worker by a worker plugin under a name of the run's own, and each task names them;
the plugin also loads the tokenizer there, so workers convert warm, and a worker that joins or is
restarted later gets them too. Two runs on one cluster keep their settings apart. Documents are
shipped as bytes (the parent reads each file, with the size limit), so workers need jcreport but
not the inputs' file system. Tasks run in worker threads, where the time limit is the watchdog of
deadline.py. A worker that dies has its documents rescheduled on the others by Dask; a document
that kills every worker it is tried on (Dask's allowed-failures) is recorded as a crash.
"""
from __future__ import annotations

import functools
import logging
import signal
import uuid
from collections.abc import Iterator
from concurrent.futures import CancelledError, Future
from contextlib import ExitStack, contextmanager

from distributed import Client, KilledWorker, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from ..errors import BackendUnavailable, JcreportError
from ..pipeline import extract
from . import worker
from .inputs import Item, Limits

CONNECT_SECONDS = 10                   # how long a scheduler address is tried before the run gives up


class SettingsPlugin(WorkerPlugin):
    """Installs a run's settings on a worker, once, and warms its lexicon and tokenizer."""

    def __init__(self, name: str, settings: worker.Settings) -> None:
        self.name, self.settings = name, settings

    def setup(self, worker) -> None:           # noqa: ARG002 - Dask passes its Worker
        from . import worker as jobs
        extract("一、", lexicon=self.settings.lexicon, tokenizer=self.settings.tokenizer)
        jobs.INSTALLED[self.name] = self.settings

    def teardown(self, worker) -> None:        # noqa: ARG002
        from . import worker as jobs
        jobs.INSTALLED.pop(self.name, None)


class IgnoreCtrlC(WorkerPlugin):
    """On a LocalCluster of the run: its worker processes ignore SIGINT, the run stops them. Those
    started with the cluster inherit the disposition; this covers one the nanny starts later (a
    worker restarted after it died), which would otherwise print a traceback on Ctrl-C."""

    name = "jcreport-ignore-ctrl-c"

    def setup(self, worker) -> None:           # noqa: ARG002
        import threading
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)


def shipped(item: Item, limits: Limits) -> Item:
    """The item with its file's bytes in it (read here, size checked), or the reading's error."""
    if item.file is None or item.data is not None or item.error is not None:
        return item
    try:
        return Item(item.path, data=worker.read_bytes(item, limits))
    except JcreportError as exc:
        return Item(item.path, error=exc)


class DaskExecutor:
    """What the runner needs of a Dask client: submit, its worker threads, and what a lost future means."""

    def __init__(self, client: Client, limits: Limits) -> None:
        self.client, self.limits = client, limits
        self.executor = client.get_executor(pure=False)
        self.workers = sum(client.nthreads().values())

    def submit(self, fn, item: Item) -> Future:
        return self.executor.submit(fn, shipped(item, self.limits))

    def watch(self) -> None:
        """While a result is awaited (every second, ``executors.awaited``): a client that lost its
        scheduler ends the run. Dask cancels the futures it holds when the connection drops, but a
        future submitted while it reconnects is never resolved, and the run waited on it forever."""
        if self.client.status != "running":
            raise BackendUnavailable(None, f"lost the Dask scheduler (the client is {self.client.status}); "
                                           "run again to resume")

    def lost(self, item: Item, exc: BaseException) -> dict:
        if isinstance(exc, KilledWorker):
            return worker.error_result(item.path, "crash", f"{item.path}: every Dask worker converting it died")
        if isinstance(exc, CancelledError):            # the cluster dropped it: the scheduler is gone
            raise BackendUnavailable(None, f"the Dask cluster dropped {item.path} (is the scheduler gone?); "
                                           "run again to resume") from None
        return worker.error_result(item.path, "internal", f"{item.path}: on Dask: {type(exc).__name__}: {exc}")


def _quiet_client_logs() -> None:
    """The run says in one line what became of the cluster (exit 17, "run again to resume"); the
    client's own loggers would add tracebacks of its reconnect attempts as the run ends."""
    families = ("distributed", "asyncio", "tornado")
    for name in [*families, *logging.root.manager.loggerDict]:      # distributed sets levels per logger
        if name.split(".")[0] in families:
            logging.getLogger(name).setLevel(logging.CRITICAL)


def _client(address: str, jobs: int) -> tuple[Client, LocalCluster | None]:
    _quiet_client_logs()
    if address == "local":
        # Ctrl-C is the run's to handle, as with the local pool: the cluster's worker processes are
        # started with SIGINT ignored (a disposition a child keeps across exec), so a Ctrl-C that
        # reaches the whole process group prints no traceback from them; the run stops them.
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
        finally:
            signal.signal(signal.SIGINT, previous)
        return Client(cluster), cluster
    try:
        return Client(address, timeout=CONNECT_SECONDS), None
    except (OSError, TimeoutError, ValueError, TypeError) as exc:
        raise BackendUnavailable(address, f"cannot reach the Dask scheduler in {CONNECT_SECONDS} s "
                                          f"({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from None


@contextmanager
def connected(address: str, jobs: int) -> Iterator[tuple[Client, LocalCluster | None]]:
    """A client of the cluster at ``address`` (``local``: a LocalCluster of ``jobs``
    single-threaded worker processes), closed afterwards with the cluster it started. The batch
    connects before it opens its outputs, so a scheduler it cannot reach leaves no file behind."""
    client, cluster = _client(address, jobs)
    try:
        yield client, cluster
    finally:
        try:
            client.close(timeout=CONNECT_SECONDS)
        except (OSError, TimeoutError):                # a scheduler already gone: nothing to close there
            pass
        if cluster is not None:
            cluster.close()


@contextmanager
def on_dask(address: str, jobs: int, settings: worker.Settings,
            connection: tuple[Client, LocalCluster | None] | None = None) -> Iterator[tuple[DaskExecutor, object]]:
    """(executor, task) for runner.run on the cluster at ``address`` (or on ``connection``, made
    by ``connected`` and left open); the settings are removed from the workers afterwards."""
    with ExitStack() as stack:
        client, cluster = connection or stack.enter_context(connected(address, jobs))
        name = f"jcreport-batch-{uuid.uuid4().hex}"
        try:
            if cluster is not None:                    # the run's own LocalCluster, never a shared one
                client.register_plugin(IgnoreCtrlC(), name=IgnoreCtrlC.name)
            client.register_plugin(SettingsPlugin(name, settings), name=name)
            yield DaskExecutor(client, settings.limits), functools.partial(worker.convert_installed, name)
        finally:
            try:
                if client.status == "running":
                    client.unregister_worker_plugin(name)
            except Exception:  # noqa: BLE001 - a cluster already gone has nothing left to remove
                pass
