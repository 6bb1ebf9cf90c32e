from __future__ import annotations

from pathlib import Path

import click

from .ends import ends_quietly
from .tokenizer_options import resolve, tokenizer_options


def _row(name: str, label: str, c) -> str:
    return f"{name:34} {label:14} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}  {c.tp:4} {c.fp:4} {c.fn:4}"


def _acc(name: str, label: str, a) -> str:
    return f"{name:34} {label:14} {a.accuracy:6.3f}  ({a.right}/{a.total})"


@click.command("score", context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default="tests/gold")
@click.option("--samples", "--texts", "samples_dir", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=None, help="Folder of the texts that gold files name with `sample:` (default: samples). Gold "
                                 "files naming `text:` read it from the texts/ folder beside GOLD_DIR (tests/real).")
@click.option("--pairs", "pairs_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="Also score `jcreport diff` on these report pairs (tests/diff/pairs).")
@click.option("-v", "--verbose", is_flag=True, help="Per-document results, then every miss, spurious record and "
                                                   "wrong field.")
@tokenizer_options
@ends_quietly
def score_command(gold_dir: Path, samples_dir: Path | None, pairs_dir: Path | None, verbose: bool, tokenizer: str,
                  hanlp_model: str | None) -> None:
    """Score extraction against gold written by reading: precision, recall and F1 per record type,
    and the accuracy of each field of the matched records.

    GOLD_DIR holds the figure gold (*.yaml); its measures/ folder, when present, the gold of
    campaigns and measures. Figures: value + unit + overlapping span; of the matched figures, split
    (metric or case_count), action, case_type, change direction and qualifier.

    \b
    Example:
        jcreport score tests/gold --samples samples --pairs tests/diff/pairs
        jcreport score tests/real/gold -v
        jcreport score tests/real/gold --tokenizer hanlp --hanlp-model models/hanlp-tiny
    """
    from .. import extract_file
    from ..pipeline import default_lexicon
    from ..scoring import FIGURE_FIELDS, score_actions_dir, score_dir

    tokenizer = resolve(tokenizer, hanlp_model, default_lexicon())

    cache: dict[Path, object] = {}

    def extract(path: Path):
        if path not in cache:
            cache[path] = extract_file(path, tokenizer=tokenizer)
        return cache[path]

    total, per_file = score_dir(gold_dir, samples_dir, extract)
    click.echo(f"{'file':34} {'type':11} {'P':>6} {'R':>6} {'F1':>6}  {'tp':>4} {'fp':>4} {'fn':>4}")
    for name, s in [*(per_file.items() if verbose else ()), ("ALL", total)]:
        for label, c in [("figures", s.figures), *s.by_type.items()]:
            click.echo(_row(name, label, c))
        for label in FIGURE_FIELDS:
            click.echo(_acc(name, f"{label} acc", getattr(s, label)))
    misses = list(total.misses)
    actions_dir = gold_dir / "measures" if (gold_dir / "measures").is_dir() else gold_dir
    actions, per = score_actions_dir(actions_dir, samples_dir, extract)
    for name, s in [*(per.items() if verbose else ()), ("ALL", actions)]:
        click.echo(_row(name, "campaigns", s.campaigns))
        click.echo(_row(name, "measures", s.measures))
        click.echo(_row(name, "concrete", s.concrete))
        click.echo(_acc(name, "status acc", s.status))
        click.echo(_acc(name, "role acc", s.roles))
        for f, a in s.meta.items():
            if a.total:
                click.echo(_acc(name, f"{f} acc", a))
    misses += actions.misses
    if pairs_dir is not None:
        from ..diff.match import DEFAULT_SIMILARITY
        from ..diff.scoring import score_pairs
        from ..tokenize import tokenizer as backend

        scores = score_pairs(pairs_dir, backend(tokenizer, default_lexicon()), DEFAULT_SIMILARITY)
        for split in ("fit", "held_out", "all"):
            s = scores[split]
            click.echo(f"{'diff pairs ' + split:34} {'listed':11} {s.listing_recall:6.3f}  ({s.listed}/{s.gold})")
            click.echo(f"{'diff pairs ' + split:34} {'outcome acc':11} {s.accuracy:6.3f}  ({s.right}/{s.listed})")
            click.echo(_acc(f"diff pairs {split}", "campaign acc", s.campaigns))
        misses += scores["all"].misses
    if verbose:
        for miss in misses:
            click.echo(miss)
