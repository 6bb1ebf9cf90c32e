from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import EXIT_CODES, OutputError, exit_codes_epilog
from ..lexicons import load_lexicon
from ..pipeline import extract
from ..reading import read_input
from ..render import only_fields, to_json, to_yaml
from ..tokenize import BACKENDS, DEFAULT

FORMATS = ("json", "yaml", "table", "html")


@click.command("extract", context_settings={"help_option_names": ["-h", "--help"]},
               epilog=exit_codes_epilog([0, 2, *sorted(EXIT_CODES.values())]))
@click.argument("path", type=click.Path(dir_okay=True, allow_dash=True, path_type=str))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json and yaml give the full Report; table a summary for people; html one self-contained "
                   "page with every record highlighted in the text (write it with -o).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, allow_dash=True), default="-",
              help="Write to this file instead of standard output.")
@click.option("--ascii", is_flag=True, help="Escape non-ASCII characters in JSON.")
@click.option("--only", "only", metavar="LISTS", default=None,
              help="Limit the output to these record lists, comma-separated: outline, figures (metrics and "
                   "case_counts), metrics, case_counts, measures, campaigns, warnings.")
@click.option("--lexicon", "lexicon_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="A folder of lexicon YAML files merged over the shipped ones (repeatable).")
@click.option("--tokenizer", type=click.Choice(sorted(BACKENDS)), default=DEFAULT, show_default=True,
              help="Tokenizer backend.")
def extract_command(path: str, fmt: str, output: str, ascii: bool, only: str | None, lexicon_dirs: tuple[Path, ...],
                    tokenizer: str) -> None:
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
    doc, name = read_input(path)
    text = doc.text
    report = extract(text, path=name, encoding=doc.encoding, format=doc.format, lexicon=lexicon, tokenizer=tokenizer)
    if fmt == "table":
        from rich.console import Console

        from ..render.table import render

        if output == "-":
            render(report, Console(), include)
        else:
            with _open(output) as fh:
                render(report, Console(file=fh, width=160), include)
        return
    if fmt == "html":
        from ..render.html import render_html

        shown = report.model_copy(update={k: [] for k in ("metrics", "case_counts", "measures", "campaigns")
                                          if include is not None and k not in include})
        body = render_html(shown, text)
    else:
        body = to_json(report, ascii=ascii, include=include) if fmt == "json" else to_yaml(report, include)
    if output == "-":
        sys.stdout.write(body + ("" if body.endswith("\n") else "\n"))
    else:
        with _open(output) as fh:
            fh.write(body + ("" if body.endswith("\n") else "\n"))


def _open(output: str):
    try:
        return open(output, "w", encoding="utf-8")
    except OSError as exc:
        raise OutputError(output, f"cannot write: {exc.strerror or exc}") from None
