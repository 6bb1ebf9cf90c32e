from __future__ import annotations

import sys
from pathlib import Path

import click

from .ends import ends_quietly

from ..tokenize import DEFAULT

FORMATS = ("json", "yaml", "table", "markdown", "html")


def _write(output: str, body: str) -> None:
    from ..errors import OutputError

    if output == "-":
        sys.stdout.write(body)
        return
    try:
        Path(output).write_text(body, encoding="utf-8")
    except OSError as exc:
        raise OutputError(output, f"cannot write: {exc.strerror or exc}") from None


def _tokenizer():
    from ..pipeline import default_lexicon
    from ..tokenize import tokenizer

    return tokenizer(DEFAULT, default_lexicon())


@click.command("diff", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("earlier", type=str)
@click.argument("later", type=str)
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json/yaml: the DiffReport; table: for the terminal; markdown; html: one page with both texts.")
@click.option("-o", "--output", default="-", help="Write to this file instead of standard output.")
@click.option("--similarity", type=click.Choice(["dice", "tokens", "rapidfuzz"]), default=None,
              help="How objects are compared (default: the one chosen by measurement, see README).")
@click.option("--concrete-only", is_flag=True,
              help="Compare only EARLIER's concrete acts (制定, 召开 …), not its policy commitments (加强, 深化 …).")
@ends_quietly
def diff_command(earlier: str, later: str, fmt: str, output: str, similarity: str | None, concrete_only: bool) -> None:
    """Compare a procuratorate's report with the next year's: commitments, campaigns, figures.

    EARLIER and LATER are report files (extracted now) or Report JSON files written by
    `jcreport extract`. Every commitment of EARLIER (its planned measures, concrete and policy) is
    matched against LATER: fulfilled (done in its review part, or a figure reported for the object),
    continued (planned again or ongoing), reported_shortfall (its problems part admits it) or
    not_reported; campaigns are continued, new or dropped; figures are aligned.

    \b
    Examples:
        jcreport diff report2023.txt report2024.txt --format table
        jcreport diff a.json b.json -o diff.json
        jcreport diff report2023.txt report2024.txt --format html -o diff.html
    """
    from ..diff.build import diff_reports
    from ..diff.inputs import dump, load
    from ..diff.match import DEFAULT_SIMILARITY

    (a, text_a), (b, text_b) = load(earlier), load(later)
    d = diff_reports(a, b, _tokenizer(), similarity or DEFAULT_SIMILARITY, text_b=text_b, concrete_only=concrete_only)
    for w in d.warnings:
        click.echo(f"warning: {w}", err=True)
    if fmt == "table":
        from rich.console import Console

        from ..diff.render import rich_view

        rich_view(d, Console() if output == "-" else Console(file=open(output, "w", encoding="utf-8"), width=160))
        return
    _write(output, _body(fmt, d, text_a, text_b, dump))


def _body(fmt, d, text_a, text_b, dump) -> str:
    if fmt == "json":
        return dump(d) + "\n"
    if fmt == "yaml":
        import yaml

        return yaml.safe_dump(d.model_dump(mode="json"), allow_unicode=True, sort_keys=False, width=120)
    if fmt == "markdown":
        from ..diff.render import markdown

        return markdown(d)
    from ..render.diff_html import render_diff_html

    return render_diff_html(d, text_a, text_b)


@click.command("series", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("reports", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(["json", "yaml", "markdown", "html"]), default="json",
              show_default=True, help="json/yaml: the SeriesReport; markdown; html: one page with a chart per series.")
@click.option("-o", "--output", default="-", help="Write to this file instead of standard output.")
@click.option("--concrete-only", is_flag=True, help="Count only concrete commitments (制定, 召开 …) year to year.")
@ends_quietly
def series_command(reports: tuple[str, ...], fmt: str, output: str, concrete_only: bool) -> None:
    """Timelines over two or more reports of one procuratorate: every figure and campaign by year.

    \b
    Example:
        jcreport series report2022.txt report2023.txt report2024.txt --format markdown
    """
    from ..diff.build import series
    from ..diff.inputs import dump, load

    if len(reports) < 2:
        raise click.UsageError("give at least two reports")
    loaded = [load(p) for p in reports]
    s = series([r for r, _ in loaded], _tokenizer(), texts=[t for _, t in loaded], concrete_only=concrete_only)
    for w in s.warnings:
        click.echo(f"warning: {w}", err=True)
    if fmt == "json":
        body = dump(s) + "\n"
    elif fmt == "yaml":
        import yaml

        body = yaml.safe_dump(s.model_dump(mode="json"), allow_unicode=True, sort_keys=False, width=120)
    elif fmt == "markdown":
        from ..diff.render import series_markdown

        body = series_markdown(s)
    else:
        from ..render.diff_html import render_series_html

        body = render_series_html(s)
    _write(output, body)
