from __future__ import annotations

import gc
import os
import sys
from contextlib import ExitStack, nullcontext
from pathlib import Path

import click

from .ends import ends_quietly, raise_if_stopped

from ..errors import BackendUnavailable, OutputError, exit_codes_epilog
from ..lexicons import load_lexicon
from ..pipeline import default_lexicon, extract
from .tokenizer_options import resolve, tokenizer_options


@click.command("batch", context_settings={"help_option_names": ["-h", "--help"]},
               epilog=exit_codes_epilog([0, 1, 2, 8, 9, 17, 18, 130, 143]) + "\n\nA document's own failure (3-7, 10-16) is "
               "recorded as an error line and in the errors table; the run goes on and exits 1.")
@click.argument("inputs", nargs=-1, type=str)
@click.option("--from-list", "from_list", type=click.File("r", encoding="utf-8"),
              help="Read input paths from this file, one a line (- for stdin).")
@click.option("--glob", "globs", multiple=True, metavar="PATTERN",
              help="Only files (in folders and archives) matching this pattern; repeatable. "
                   "Default: *.txt *.html *.htm *.docx *.pdf")
@click.option("-o", "--output", metavar="FILE.jsonl", help="Write JSON Lines here (- for stdout).")
@click.option("--db", metavar="FILE.sqlite", help="Write an SQLite database here (tables in README).")
@click.option("--db-json", "db_json", is_flag=True,
              help="Also store each whole Report as JSON in the database (reports.report; left out by default).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=lambda: os.cpu_count() or 1,
              show_default="all cores", help="Worker processes.")
@click.option("--force", is_flag=True, help="Redo every document (outputs are started afresh).")
@click.option("--retry-failed", is_flag=True, help="Convert again the inputs recorded as failed.")
@click.option("--emit-text", type=click.Path(file_okay=False, path_type=Path),
              help="Save each document's extracted text as DIR/<doc_id hex>.txt (the text spans point into).")
@click.option("--sentences", type=click.Choice(("text", "span", "none")), default="text", show_default=True,
              help="Each record's sentence with its text, as offsets only (span), or left out (none), in the "
                   "JSONL and the SQLite records (the sentences table holds their text unless none).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=20_000_000, show_default=True,
              help="Largest document (after decompression); larger ones are recorded as errors.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds one document may take; slower ones are recorded as errors.")
@click.option("--max-members", type=click.IntRange(min=1), default=100_000, show_default=True,
              help="Most members read from one archive.")
@click.option("--max-ratio", type=click.FloatRange(min=1), default=100.0, show_default=True,
              help="Highest compression ratio of an archive member (against archive bombs).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
@click.option("--lexicon", "lexicon_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="A folder of lexicon YAML files merged over the shipped ones (repeatable).")
@tokenizer_options
@click.option("--executor", type=click.Choice(("processes", "dask")), default="processes", show_default=True,
              help="Where documents are converted: -j local worker processes, or a Dask cluster (the dask extra).")
@click.option("--dask", "dask_address", metavar="ADDRESS",
              help="Convert on this Dask scheduler (tcp://host:8786), or local for a LocalCluster of -j workers; "
                   "implies --executor dask (whose default is local).")
@ends_quietly
def batch_command(inputs, from_list, globs, output, db, db_json, jobs, force, retry_failed, emit_text, sentences, max_bytes,
                  timeout, max_members, max_ratio, quiet, lexicon_dirs, tokenizer, hanlp_model, executor,
                  dask_address) -> None:
    """Convert many reports: files, folders, .zip and .tar.gz archives, into JSON Lines and SQLite.

    Runs on all cores, keeps input order, and resumes: run it again on the same inputs and
    outputs and only new or changed documents are converted (--force redoes all). A run that is
    killed leaves outputs the next run repairs and completes.

    \b
    Examples:
        jcreport batch reports/ -o reports.jsonl
        jcreport batch archive.zip more/*.html --db reports.sqlite -o reports.jsonl -j 4
        find . -name '*.pdf' | jcreport batch - --db reports.sqlite

    \b    """
    from ..batch import runner, worker
    from ..batch.inputs import Limits, count, expand, read_list
    from ..batch.jsonl import JsonlSink
    from ..batch.sqlite import SqliteSink

    paths = _paths(inputs, from_list, read_list)
    if not paths:
        raise click.UsageError("no inputs: give files, folders or archives, or --from-list")
    if not output and not db:
        output = "-"
    if dask_address is not None:
        if executor == "processes" and click.get_current_context().get_parameter_source("executor") \
                == click.core.ParameterSource.COMMANDLINE:
            raise click.UsageError("--dask is for --executor dask, not --executor processes")
        executor = "dask"                              # --dask ADDRESS alone means Dask
    elif executor == "dask":
        dask_address = "local"
    if executor == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise BackendUnavailable(None, "--executor dask needs the dask extra: pip install 'jcreport[dask]'") from None
    lexicon = load_lexicon(lexicon_dirs) if lexicon_dirs else default_lexicon()
    tokenizer = resolve(tokenizer, hanlp_model, lexicon)
    limits = Limits(max_bytes=max_bytes, max_members=max_members, max_ratio=max_ratio, timeout=timeout)
    with ExitStack() as stack:
        # a cluster is reached before any output is opened: one it cannot reach leaves no file behind
        connection = stack.enter_context(_connected(dask_address, jobs)) if executor == "dask" else None
        sinks: list = []
        stack.callback(lambda: [sink.close() for sink in sinks])   # also when a later output is refused
        if output:
            sinks.append(JsonlSink(output, force))
        if db:
            sinks.append(SqliteSink(db, force, with_json=db_json))
        if retry_failed:
            for sink in sinks:
                sink.drop_failed()
        if emit_text:
            try:
                emit_text.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise OutputError(str(emit_text), f"cannot write: {exc.strerror or exc}") from None
        extract("一、", lexicon=lexicon, tokenizer=tokenizer)   # load everything once, before workers fork
        gc.collect()
        gc.freeze()                                   # the loaded lexicons stay shared, never scanned or copied
        worker.SETTINGS = worker.Settings(limits=limits, lexicon=lexicon, tokenizer=tokenizer, emit_text=emit_text,
                                          sentences=sentences, skip=frozenset(set.intersection(*(s.done for s in sinks))),
                                          sqlite_rows=bool(db))
        items = expand(paths, tuple(globs), limits)
        hidden = quiet or not sys.stderr.isatty()
        total = None if hidden else count(paths, tuple(globs))
        with _executor(executor, dask_address, jobs, connection) as (pool, task):
            summary = _run_with_progress(runner, items, sinks, jobs, hidden, total, executor=pool, task=task)
    if not quiet:
        click.echo(summary.line(), err=True)
    elif summary.failed_earlier:                       # failures stay visible, even with -q
        click.echo(f"jcreport batch: {summary.failed_earlier} failed earlier; --retry-failed to retry", err=True)
    sys.exit(1 if summary.failed or summary.failed_earlier else 0)   # while any input stands failed


def _connected(address: str, jobs: int):
    from ..batch.dask_executor import connected
    return connected(address, jobs)


def _executor(kind: str, address: str, jobs: int, connection=None):
    """(executor, task) for the runner: (None, None) is its local process pool."""
    if kind != "dask":
        return nullcontext((None, None))
    from ..batch import worker
    from ..batch.dask_executor import on_dask
    return on_dask(address, jobs, worker.SETTINGS, connection)


def _run_with_progress(runner, items, sinks, jobs, hidden: bool, total: int | None, **on):
    """A progress bar on a terminal: documents (of the total when it is known), chars/s, failures,
    elapsed time and the time remaining."""
    if hidden:
        return runner.run(items, sinks, jobs, on_result=raise_if_stopped, **on)
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
               TextColumn("{task.fields[failed]} failed"), TimeElapsedColumn(), TextColumn("ETA"),
               TimeRemainingColumn()]
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("converting", total=total, rate="", failed=0)

        def update(summary, result):
            raise_if_stopped()
            elapsed = max(progress.tasks[0].elapsed or 1e-9, 1e-9)
            progress.update(task, completed=summary.documents, failed=summary.failed,
                            rate=f"{summary.chars / elapsed / 1000:.0f}k chars/s")

        return runner.run(items, sinks, jobs, on_result=update, **on)


def _paths(inputs: tuple[str, ...], from_list, read_list) -> list[str]:
    """The input paths: those given, where ``-`` stands for the paths read from stdin (as with
    ``--from-list -``), then those of --from-list."""
    paths: list[str] = []
    for given in inputs:
        if given == "-":
            if from_list is not None and getattr(from_list, "name", None) == "<stdin>":
                continue                              # - and --from-list - read stdin once
            paths += read_list(sys.stdin)
        else:
            paths.append(given)
    return paths + (list(read_list(from_list)) if from_list else [])
