from __future__ import annotations

from pathlib import Path

import click


@click.command("score", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default="tests/gold")
@click.option("--samples", "samples_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default="samples", show_default=True, help="Folder holding the samples the gold files name.")
@click.option("-v", "--verbose", is_flag=True, help="List every miss, spurious figure and wrong split.")
def score_command(gold_dir: Path, samples_dir: Path, verbose: bool) -> None:
    """Score extraction against gold annotations: precision, recall and F1 per record type.

    \b
    Example:
        jcreport score tests/gold --samples samples
    """
    from .. import extract_file
    from ..scoring import score_dir

    total, per_file = score_dir(gold_dir, samples_dir, extract_file)
    click.echo(f"{'file':34} {'type':11} {'P':>6} {'R':>6} {'F1':>6}  {'tp':>4} {'fp':>4} {'fn':>4}")
    rows = [(name, s) for name, s in per_file.items()] + [("ALL", total)]
    for name, s in rows:
        for label, c in [("figures", s.figures), *s.by_type.items()]:
            click.echo(f"{name:34} {label:11} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}  {c.tp:4} {c.fp:4} {c.fn:4}")
        click.echo(f"{name:34} {'split acc':11} {s.split_accuracy:6.3f}  ({s.split_right}/{s.split_total})")
    if verbose:
        for miss in total.misses:
            click.echo(miss)
