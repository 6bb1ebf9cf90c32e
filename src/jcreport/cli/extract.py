from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path

import click

from .ends import ends_quietly

from ..errors import EXIT_CODES, OutputError, exit_codes_epilog
from ..lexicons import load_lexicon
from ..pipeline import default_lexicon, extract
from ..reading import MAX_BYTES, read_input
from ..render import SENTENCES, only_fields, to_json_bytes, to_yaml
from .tokenizer_options import resolve, tokenizer_options

FORMATS = ("json", "yaml", "table", "html")


@click.command("extract", context_settings={"help_option_names": ["-h", "--help"]},
               epilog=exit_codes_epilog([0, 2, *sorted(EXIT_CODES.values())]))
@click.argument("path", type=click.Path(dir_okay=True, allow_dash=True, path_type=str))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json and yaml give the full Report; table a summary for people; html one self-contained "
                   "page with every record highlighted in the text (write it with -o).")
@click.option("-o", "--output", default="-", help="Write to this file instead of standard output.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=MAX_BYTES, show_default=True,
              help="Largest input read; a larger one (or an endless one such as /dev/zero) is an error (exit 14).")
@click.option("--ascii", is_flag=True, help="Escape non-ASCII characters in JSON.")
@click.option("--sentences", type=click.Choice(SENTENCES), default="text", show_default=True,
              help="Each record's sentence with its text, as offsets only (span), or left out (none): "
                   "every record repeats its sentence, so span and none make the output a fraction of the size.")
@click.option("--only", "only", metavar="LISTS", default=None,
              help="Limit the output to these record lists, comma-separated: outline, figures (metrics and "
                   "case_counts), metrics, case_counts, measures, campaigns, warnings.")
@click.option("--lexicon", "lexicon_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="A folder of lexicon YAML files merged over the shipped ones (repeatable).")
@tokenizer_options
@ends_quietly
def extract_command(path: str, fmt: str, output: str, max_bytes: int, ascii: bool, sentences: str, only: str | None,
                    lexicon_dirs: tuple[Path, ...], tokenizer: str, hanlp_model: str | None) -> None:
    """Extract one report: .txt (any common Chinese encoding), .html, .docx or .pdf; - for stdin.

    \b
    Examples:
        jcreport extract report.txt
        jcreport extract report.txt --format yaml -o report.yaml
        jcreport extract report.txt --format table
        jcreport extract report.txt --only measures,campaigns
        jcreport extract report.txt --format html -o report.html
        cat report.txt | jcreport extract -
    """
    try:
        include = only_fields(only) if only is not None else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--only") from None
    lexicon = load_lexicon(lexicon_dirs) if lexicon_dirs else None
    tokenizer = resolve(tokenizer, hanlp_model, lexicon or default_lexicon())
    doc, name = read_input(path, max_bytes)
    text = doc.text
    report = extract(text, path=name, encoding=doc.encoding, format=doc.format, lexicon=lexicon, tokenizer=tokenizer)
    if fmt == "table":
        from rich.console import Console

        from ..render.table import render

        if output == "-":
            render(report, Console(), include)
        else:
            with _written(output) as fh:
                render(report, Console(file=fh, width=160), include)
        return
    if fmt == "html":
        from ..render.html import render_html

        shown = report.model_copy(update={k: [] for k in ("metrics", "case_counts", "measures", "campaigns")
                                          if include is not None and k not in include})
        body = render_html(shown, text)
    elif fmt == "json":
        data = to_json_bytes(report, ascii=ascii, include=include, sentences=sentences)
        del report                                     # a large Report is freed before it is written
        with _written(output, binary=True) as fh:
            fh.write(data)
            fh.write(b"\n")
        return
    else:
        body = to_yaml(report, include, sentences)
    with _written(output) as fh:
        fh.write(body)
        if not body.endswith("\n"):
            fh.write("\n")


@contextmanager
def _written(output: str, binary: bool = False):
    """A file (or stdout for -) to write to, as text or as bytes; any failure to open, write or
    flush it (a folder, no permission, a full disk: -o /dev/full) is one OutputError (exit 9)."""
    name = "<stdout>" if output == "-" else output
    stdout = sys.stdout.buffer if binary and hasattr(sys.stdout, "buffer") else sys.stdout
    try:
        if output == "-":
            fh = stdout
            if binary:
                sys.stdout.flush()                     # nothing written as text may come after the bytes
        else:
            fh = open(output, "wb") if binary else open(output, "w", encoding="utf-8")
        try:
            yield fh
            fh.flush()
        finally:
            if fh is not stdout:
                fh.close()
    except BrokenPipeError:
        raise                                          # | head: ends quietly (ends.py)
    except OSError as exc:
        raise OutputError(name, f"cannot write: {exc.strerror or exc}") from None
