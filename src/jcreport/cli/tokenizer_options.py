"""The --tokenizer and --hanlp-model options, shared by extract, batch and score."""
from __future__ import annotations

import click

from ..lexicons import Lexicon
from ..tokenize import BACKENDS, DEFAULT, spec, tokenizer

ENV = "JCREPORT_HANLP_MODEL"                      # tokenize_hanlp.ENV, without importing that module


def tokenizer_options(command):
    """Adds the two options; the command gets ``tokenizer`` and ``hanlp_model``."""
    command = click.option("--hanlp-model", metavar="DIR", envvar=ENV, show_envvar=True, default=None,
                           help="The local HanLP model folder that --tokenizer hanlp reads "
                                "(pip install 'jcreport[hanlp]'; nothing is downloaded).")(command)
    return click.option("--tokenizer", type=click.Choice(sorted(BACKENDS)), default=DEFAULT, show_default=True,
                        help="Tokenizer backend.")(command)


def resolve(name: str, hanlp_model: str | None, lexicon: Lexicon) -> str:
    """The tokenizer's full name (hanlp:/abs/folder), its backend built now, so that a backend not
    installed or an unusable model folder is one error line (exit 17) before any input is read."""
    full = spec(name, hanlp_model)
    tokenizer(full, lexicon)
    return full
