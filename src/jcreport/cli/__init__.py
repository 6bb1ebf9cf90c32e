"""The jcreport command line: a thin layer over the library (``jcreport.extract``)."""
from __future__ import annotations

import click

from .. import __version__
from .batch import batch_command
from .ends import install
from .diff import diff_command, series_command
from .extract import extract_command
from .schema import schema_command
from .score import score_command

CONTEXT = {"help_option_names": ["-h", "--help"]}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="jcreport")
def main() -> None:
    """Extract figures, case counts and the outline of Chinese procuratorate (检察院) reports.

    \b
    Example:
        jcreport extract samples/003_a82b9bb60c50b0fd.txt > report.json
    """


main.add_command(extract_command)
main.add_command(batch_command)
main.add_command(diff_command)
main.add_command(series_command)
main.add_command(schema_command)
main.add_command(score_command)


def run() -> None:
    """The console entry point: ``main``, with SIGTERM unwound like Ctrl-C (``ends``)."""
    install()
    main(prog_name="jcreport")
