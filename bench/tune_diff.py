"""Choose the matcher's weights (lexicons/diff.yaml) on the pairs marked ``split: fit`` only, by a
grid search; prints the best settings and their scores on fit, then — once, for the report — on the
held-out pairs. Usage: python bench/tune_diff.py [tests/diff/pairs]"""
from __future__ import annotations

import itertools
import sys
from functools import lru_cache
from pathlib import Path

import jcreport.diff.inputs as inputs
import jcreport.diff.match as match
from jcreport.diff.scoring import pair_folders, score_pair, split_of
from jcreport.pipeline import default_lexicon
from jcreport.tokenize import DEFAULT, tokenizer

ROOT = Path(__file__).resolve().parents[1]
GRID = {
    "similarity": ["rapidfuzz", "dice", "tokens"],
    "threshold": [0.35, 0.4, 0.45, 0.5, 0.55, 0.6],
    "object_weight": [0.55, 0.65, 0.75],
    "policy_any": [0.4, 0.6, 0.8],
}


def main() -> None:
    pairs = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "diff" / "pairs"
    tok = tokenizer(DEFAULT, default_lexicon())
    inputs.load = lru_cache(maxsize=None)(inputs.load)          # extract each text once
    base = match.settings()
    folders = {split: [f for f in pair_folders(pairs) if split_of(f) == split] for split in ("fit", "held_out")}

    def run(split, sim, s):
        match.settings = lambda: s
        right = listed = 0
        for folder in folders[split]:
            sc = score_pair(folder, tok, sim)
            right, listed = right + sc.right, listed + sc.listed
        return right / listed if listed else 0.0

    results = []
    for sim, thr, ow, pa in itertools.product(*GRID.values()):
        rest = 1 - ow
        s = base.model_copy(update=dict(threshold=thr, object_weight=ow, verb_weight=round(rest * 4 / 7, 3),
                                        campaign_weight=round(rest * 3 / 7, 3), policy_any=pa))
        results.append((run("fit", sim, s), sim, s))
    results.sort(key=lambda r: -r[0])
    for acc, sim, s in results[:5]:
        print(f"fit {acc:.3f}  {sim:9} threshold {s.threshold} object {s.object_weight} verb {s.verb_weight} "
              f"campaign {s.campaign_weight} policy_any {s.policy_any}")
    acc, sim, s = results[0]
    print(f"chosen on fit: {sim}; held_out {run('held_out', sim, s):.3f}")


if __name__ == "__main__":
    main()
