"""Load and validate the YAML lexicons (``lexicons/``), merged with user folders.

Every file is validated by a pydantic model with ``extra="forbid"``, so a typo fails at load with
``file:line: problem`` (LexiconError, exit code 8) instead of silently matching nothing.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import LexiconError
from .models import Bound, MetricKind
from .resources import lexicon_dir


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")


class UnitEntry(Entry):
    unit: str
    kind: MetricKind
    case: bool = False


class QualifierEntry(Entry):
    word: str
    where: Literal["prefix", "middle", "suffix"]
    bound: Bound


class UnitsFile(Entry):
    units: list[UnitEntry]
    multipliers: dict[str, int]
    qualifiers: list[QualifierEntry]
    range_joiners: list[str]


class ExclusionsFile(Entry):
    slogans: list[str]
    not_after: list[str]


class ActionEntry(Entry):
    action: str
    words: list[str]
    verb: bool = False
    field: bool = False          # inside a counted noun (民事检察监督案件) it names a field, not a procedure
    persons: bool = False        # the persons it counts are suspects or defendants, whatever the noun (起诉原…干部25人)


class ActionsFile(Entry):
    actions: list[ActionEntry]
    case_nouns: list[str]
    staff_nouns: list[str]
    honour_words: list[str]
    case_heads: list[str] = []
    clue_units: list[str] = []
    supervision_targets: list[str] = []


class CaseTypeEntry(Entry):
    case_type: str
    words: list[str]


class CaseTypesFile(Entry):
    case_types: list[CaseTypeEntry]


class MeasureVerb(Entry):
    verb: str
    category: Literal["mechanism", "document", "meeting", "training", "cooperation", "inspection",
                      "publicity", "case_handling", "other"]


class FrameSpan(Entry):
    open: str
    close: str = ""
    policy_only: bool = False


class MeasureVerbsFile(Entry):
    verbs: list[MeasureVerb]
    policy: list[str] = []
    frame_ends: list[str] = []
    frame_starts: list[str] = []
    object_before: list[str] = []
    event_heads: list[str] = []
    frame_spans: list[FrameSpan] = []
    purpose_leads: list[str] = []
    direction: list[str]
    partner_markers: list[str]
    nominal_heads: list[str]
    object_heads: list[str]
    generic_objects: list[str]


class FigureWordsFile(Entry):
    linking: list[str]
    stop_after: list[str]
    up: list[str]
    down: list[str]
    basis: list[str]
    basis_lead: list[str]
    breakdown: list[str]
    actors: list[str]


class CampaignEntry(Entry):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    aliases: list[str] = []
    kind: str
    years: list[int] = []


class CampaignsFile(Entry):
    campaigns: list[CampaignEntry]


class CampaignPatternsFile(Entry):
    kinds: dict[str, str]
    lead_words: list[str]
    generic_cores: list[str]
    max_core: int
    after_quote: dict[str, str]
    quoted_endings: dict[str, str]
    fold_suffix: int
    clause_words: list[str] = []
    suggestion_range: str | None = None


class StatusesFile(Entry):
    planned: list[str]
    planned_time: list[str]
    planned_weak: list[str]
    done: list[str]
    ongoing: list[str]
    after_done: list[str]
    review: list[str]
    needs_verb: list[str]
    forward_sections: list[str]
    instruction_leads: list[str]
    adverb_reach: int
    instruction_verbs: list[str] = []
    wishes: list[str] = []
    ongoing_verbs: list[str] = []


class PeriodsFile(Entry):
    relative: dict[str, list[int | None]]
    halves: dict[str, list[int]]
    open_ended: list[str]


class DocTypeCues(Entry):
    doc_type: str
    title: dict[str, int] = {}
    opening: dict[str, int] = {}


class MetaFile(Entry):
    chrome: list[str]
    chrome_short: list[str]
    chrome_short_max: int
    chrome_lines: list[str]
    bylines: list[str]
    doc_types: list[DocTypeCues]
    provinces: list[str]
    municipalities: list[str]
    region_names: dict[str, str]
    province_abbrevs: dict[str, str] = {}
    redaction_marks: str = ""
    military_units: list[str] = []
    research_cues: list[str] = []
    newspaper_credits: list[str] = []
    prefecture_cities: list[str]
    organ_noise: list[str]
    superior_leads: list[str]
    superior_tails: list[str]


class OutlineFile(Entry):
    headings: list[str]
    roles: dict[str, list[str]]
    problem_leads: list[str]


FILES: dict[str, type[Entry]] = {
    "units.yaml": UnitsFile,
    "exclusions.yaml": ExclusionsFile,
    "actions.yaml": ActionsFile,
    "case_types.yaml": CaseTypesFile,
    "periods.yaml": PeriodsFile,
    "measure_verbs.yaml": MeasureVerbsFile,
    "figure_words.yaml": FigureWordsFile,
    "campaigns.yaml": CampaignsFile,
    "campaign_patterns.yaml": CampaignPatternsFile,
    "statuses.yaml": StatusesFile,
    "meta.yaml": MetaFile,
    "outline.yaml": OutlineFile,
}


@dataclass(frozen=True, eq=False)  # hashed by identity: caches key on the loaded lexicon
class Lexicon:
    units: UnitsFile
    exclusions: ExclusionsFile
    actions: ActionsFile
    case_types: CaseTypesFile
    periods: PeriodsFile
    measure_verbs: MeasureVerbsFile
    figure_words: FigureWordsFile
    campaigns: CampaignsFile
    campaign_patterns: CampaignPatternsFile
    statuses: StatusesFile
    meta: MetaFile
    outline: OutlineFile
    dirs: tuple[Path, ...]

    def domain_words(self) -> list[str]:
        """Words the tokenizer must keep whole."""
        words = {w for a in self.actions.actions for w in a.words}
        words |= {w for c in self.case_types.case_types for w in c.words}
        words |= set(self.exclusions.slogans)
        words |= {v.verb for v in self.measure_verbs.verbs}
        words |= {n for c in self.campaigns.campaigns for n in (c.name, *c.aliases)}
        return sorted(w for w in words if len(w) > 1)


def _line_of(node: yaml.Node, loc: tuple) -> int:
    """The 1-based line of the YAML node at a pydantic error location."""
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            match = [v for k, v in node.value if k.value == key]
            if not match:
                break
            node = match[0]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
    return node.start_mark.line + 1


# Shipped files a --lexicon folder cannot override: read once per process, not per lexicon (the
# folding tables behind every offset, the HTML reader's rules, the diff's weights).
NOT_MERGED = {"punctuation.yaml": "the character folds every offset depends on",
              "t2s.tsv": "the character folds every offset depends on",
              "common_chars.txt": "the decoder's character statistics",
              "html_boilerplate.yaml": "the HTML reader's rules",
              "diff.yaml": "the diff's weights, chosen by measurement (bench/tune_diff.py)"}


def _check_folder(directory: Path) -> None:
    """A user lexicon folder: every file is one the package merges (the mergeable ones are parsed,
    with file:line on error, when they are loaded); a YAML file of any other name still names its
    syntax error first."""
    for path in sorted(directory.iterdir()):
        if path.is_dir() or path.name.startswith(".") or path.name in FILES:
            continue
        if path.suffix in (".yaml", ".yml"):
            _parse(path)
        if path.name in NOT_MERGED:
            raise LexiconError(str(path), f"cannot be merged from a lexicon folder ({NOT_MERGED[path.name]})")
        raise LexiconError(str(path), "not a lexicon file name; the mergeable files are " + ", ".join(FILES))


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when present: the start-up cost is parsing


def _parse(path: Path):
    """(text, data) of a YAML file, parsed once with libyaml; LexiconError with file:line on a
    syntax error."""
    try:
        text = path.read_text(encoding="utf-8")
        return text, yaml.load(text, Loader=_LOADER)
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(str(path), f"cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark else ""
        raise LexiconError(f"{path}{where}", f"invalid YAML: {getattr(exc, 'problem', exc)}") from None


def _invalid(path: Path, text: str, exc: ValidationError, given=None) -> LexiconError:
    """A validation error at its line: the node tree is composed only now, when it is needed."""
    err = exc.errors()[0]
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    known = node is not None and (given is None or (err["loc"] and err["loc"][0] in given))
    line = _line_of(node, err["loc"]) if known else 1
    return LexiconError(f"{path}:{line}", f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}")


def _load_file(path: Path, model: type[Entry]) -> Entry:
    text, data = _parse(path)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise _invalid(path, text, exc) from None


def _load_over(path: Path, base: Entry) -> Entry:
    """A user's lexicon file over the shipped one: it may give only some fields; lists are extended
    (the user's entries first, so they win ties), dicts updated, other values replaced."""
    text, data = _parse(path)
    data = data or {}
    if not isinstance(data, dict):
        raise LexiconError(f"{path}:1", "a lexicon file is a mapping of fields")
    shipped = base.model_dump()
    merged = dict(shipped)
    for key, value in data.items():
        old = shipped.get(key)
        merged[key] = value + old if isinstance(old, list) and isinstance(value, list) else \
            {**old, **value} if isinstance(old, dict) and isinstance(value, dict) else value
    try:
        return type(base).model_validate(merged)
    except ValidationError as exc:
        raise _invalid(path, text, exc, given=data) from None


def load_lexicon(extra_dirs: tuple[Path, ...] = ()) -> Lexicon:
    """Load the shipped lexicons, then each user folder over them (only the files it has)."""
    dirs = (lexicon_dir(), *extra_dirs)
    loaded: dict[str, Entry] = {}
    for i, directory in enumerate(dirs):
        if i and not directory.is_dir():
            raise LexiconError(str(directory), "lexicon folder not found")
        if i:
            _check_folder(directory)
        for name, model in FILES.items():
            path = directory / name
            if not path.exists():
                if not i:
                    raise LexiconError(str(path), "shipped lexicon file missing")
                continue
            loaded[name] = _load_over(path, loaded[name]) if name in loaded else _load_file(path, model)
    return Lexicon(
        units=loaded["units.yaml"], exclusions=loaded["exclusions.yaml"], actions=loaded["actions.yaml"],
        case_types=loaded["case_types.yaml"], periods=loaded["periods.yaml"],
        measure_verbs=loaded["measure_verbs.yaml"], figure_words=loaded["figure_words.yaml"],
        campaigns=loaded["campaigns.yaml"], campaign_patterns=loaded["campaign_patterns.yaml"],
        statuses=loaded["statuses.yaml"], meta=loaded["meta.yaml"], outline=loaded["outline.yaml"], dirs=dirs,
    )
