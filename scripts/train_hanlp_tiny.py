"""Train a tiny HanLP tokenizer offline, for ``--tokenizer hanlp --hanlp-model DIR``.

    python scripts/train_hanlp_tiny.py models/hanlp-tiny

Needs ``pip install torch==2.13.0 '.[hanlp]'``; downloads nothing. The training data are the
sentences of samples/*.txt segmented by jcreport's rjieba tokenizer (with the lexicons' domain
words), every tenth held out as HanLP's dev set. The encoder is a BERT made here (one layer,
64 dimensions, a vocabulary of the training characters), randomly initialized; HanLP's
TransformerTaggingTokenizer trainer fits it with its BMES tagger. The model folder holds HanLP's
config.json, vocabs.json and model.pt, and the encoder's config and vocabulary in encoder/.
tests/test_hanlp.py trains with ``train`` (the same defaults). Seeded: the same model every run.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPECIALS = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")


def sentences(samples: Path = ROOT / "samples", limit: int = 126) -> list[list[str]]:
    """The samples' sentences as rjieba words, each a run of non-space text of 2 to ``limit`` chars."""
    from jcreport.pipeline import default_lexicon
    from jcreport.tokenize import tokenizer

    tok = tokenizer("rjieba", default_lexicon())
    out = []
    for path in sorted(samples.glob("*.txt")):
        for sentence in _SENTENCE.findall(path.read_text(encoding="utf-8")):
            for run in sentence.split():
                if 2 <= len(run) <= limit:
                    out.append(list(tok.tokenize(run).words))
    return out


def encoder(folder: Path, chars: set[str], hidden: int = 64, layers: int = 1, seed: int = 1) -> Path:
    """A randomly initialized BERT with a vocabulary of ``chars``, saved in ``folder``."""
    import torch
    from transformers import BertConfig, BertModel, BertTokenizerFast

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vocab.txt").write_text("\n".join([*SPECIALS, *sorted(chars)]) + "\n", encoding="utf-8")
    config = BertConfig(vocab_size=len(chars) + len(SPECIALS), hidden_size=hidden, num_hidden_layers=layers,
                        num_attention_heads=2, intermediate_size=2 * hidden, max_position_embeddings=512)
    torch.manual_seed(seed)
    BertModel(config).save_pretrained(folder)
    BertTokenizerFast(vocab_file=str(folder / "vocab.txt"), do_lower_case=False).save_pretrained(folder)
    return folder


def train(model_dir: str | Path, data: list[list[str]] | None = None, epochs: int = 10, lr: float = 5e-3,
          seed: int = 1) -> Path:
    """Train and save a tiny HanLP TransformerTaggingTokenizer in ``model_dir``."""
    from hanlp.components.tokenizers.transformer import TransformerTaggingTokenizer

    model_dir = Path(model_dir)
    data = data if data is not None else sentences()
    work = model_dir / "data"
    work.mkdir(parents=True, exist_ok=True)
    train_file, dev_file = work / "train.txt", work / "dev.txt"
    train_file.write_text("".join(" ".join(s) + "\n" for i, s in enumerate(data) if i % 10), encoding="utf-8")
    dev_file.write_text("".join(" ".join(s) + "\n" for i, s in enumerate(data) if not i % 10), encoding="utf-8")
    enc = encoder(model_dir / "encoder", {c for s in data for w in s for c in w}, seed=seed)
    TransformerTaggingTokenizer().fit(str(train_file), str(dev_file), str(model_dir), transformer=str(enc),
                                      epochs=epochs, batch_size=32, lr=lr, transformer_lr=lr, max_seq_len=126,
                                      char_level=True, hard_constraint=True, seed=seed, devices=[])
    (enc / "model.safetensors").unlink()             # loading reads the encoder's config only; weights are in model.pt
    for f in (train_file, dev_file):
        f.unlink()
    work.rmdir()
    return model_dir


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python scripts/train_hanlp_tiny.py MODEL_DIR")
    print(train(sys.argv[1]))
