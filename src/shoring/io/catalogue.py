"""Load and validate the bundled work catalogue and occupation list.

``catalogue.yaml`` is validated entry by entry (errors name the file, line and field); every
SOC code it cites must exist in ``occupations.csv``; each entry's ``offshorability`` is derived
here from Blinder's index in ``occupations.csv`` (Blinder 2009, World Economics 10(2)).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml
from pydantic import ValidationError

from shoring.catalogue.models import BLINDER_CITATION, CatalogueEntry, category_of_code
from shoring.errors import InputError
from shoring.io.bundled import data_text, read_csv

CATALOGUE_FILE = "catalogue.yaml"
TRAINING_FILE = "catalogue_training.yaml"
OCCUPATIONS_FILE = "occupations.csv"

try:  # the C loader is 10x faster; fall back to pure Python where libyaml is missing
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Loader = yaml.SafeLoader


@dataclass(frozen=True)
class Occupation:
    """One O*NET-SOC 2019 occupation (``occupations.csv``)."""

    soc_code: str
    onet_soc_code: str
    title: str
    offshorability: float | None  # Blinder index; None = not ranked


@lru_cache(maxsize=1)
def load_occupations() -> tuple[Occupation, ...]:
    """Every row of ``occupations.csv``, validated."""
    out: list[Occupation] = []
    for line, row in read_csv(OCCUPATIONS_FILE):
        soc, onet, title = row.get("soc_code", ""), row.get("onet_soc_code", ""), row.get("title")
        if len(soc) != 7 or soc[2] != "-" or not onet.startswith(soc):
            raise InputError("soc_code", soc, "not a SOC code", source=OCCUPATIONS_FILE, line=line)
        if not title:
            raise InputError("title", title, "empty", source=OCCUPATIONS_FILE, line=line)
        raw = (row.get("offshorability") or "").strip()
        value: float | None = None
        if raw:
            try:
                value = float(raw)
            except ValueError:
                raise InputError(
                    "offshorability", raw, "not a number", source=OCCUPATIONS_FILE, line=line
                ) from None
            if not 25.0 <= value <= 100.0:
                raise InputError(
                    "offshorability", raw, "outside 25-100", source=OCCUPATIONS_FILE, line=line
                )
        out.append(Occupation(soc, onet, title, value))
    return tuple(out)


def _soc_index() -> dict[str, Occupation]:
    index: dict[str, Occupation] = {}
    for occ in load_occupations():
        index.setdefault(occ.soc_code, occ)
    return index


def _code_lines(text: str) -> dict[str, list[int]]:
    """Line numbers of the ``- code: X`` lines, per code in file order (one scan)."""
    lines: dict[str, list[int]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("- code:"):
            lines.setdefault(stripped.removeprefix("- code:").strip(), []).append(number)
    return lines


def _code(item: object) -> object:
    return item.get("code") if isinstance(item, dict) else None


def parse_catalogue(text: str, source: str = CATALOGUE_FILE) -> list[CatalogueEntry]:
    """Validate catalogue YAML text into entries (offshorability derived from occupations)."""
    try:
        raw = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError("catalogue", source, f"malformed YAML: {exc}", line=line) from None
    if not isinstance(raw, list):
        raise InputError(
            "catalogue", type(raw).__name__, "must be a list of entries", source=source
        )
    socs = _soc_index()
    code_lines = _code_lines(text)
    entries: list[CatalogueEntry] = []
    seen: set[str] = set()
    for position, item in enumerate(raw):
        code = item.get("code") if isinstance(item, dict) else None
        # The n-th entry with this code is on the n-th line with it (a duplicate: the second).
        found = code_lines.get(str(code), []) if code is not None else []
        repeat = sum(1 for earlier in raw[:position] if _code(earlier) == code)
        line = found[repeat] if repeat < len(found) else None
        if not isinstance(item, dict):
            raise InputError(f"entry[{position}]", item, "must be a mapping", source=source)
        if "offshorability" in item:
            raise InputError(
                "offshorability",
                item["offshorability"],
                "is derived from occupations.csv; do not write it in the catalogue",
                source=source,
                line=line,
            )
        try:
            entry = CatalogueEntry.model_validate(item)
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"]) or "entry"
            raise InputError(
                field,
                item.get(str(err["loc"][0])) if err["loc"] else item,
                err["msg"],
                source=source,
                line=line,
            ) from None
        if entry.code in seen:
            raise InputError("code", entry.code, "duplicate code", source=source, line=line)
        seen.add(entry.code)
        if category_of_code(entry.code) != entry.category:
            raise InputError(
                "category",
                entry.category.value,
                f"does not match the code prefix of {entry.code}",
                source=source,
                line=line,
            )
        ranked: list[tuple[str, float]] = []
        for soc in entry.soc_codes:
            occ = socs.get(soc)
            if occ is None:
                raise InputError(
                    "soc_codes", soc, f"not in {OCCUPATIONS_FILE}", source=source, line=line
                )
            if occ.offshorability is not None:
                ranked.append((soc, occ.offshorability))
        entries.append(entry.model_copy(update=_offshorability(entry.soc_codes, ranked)))
    return entries


def _offshorability(socs: tuple[str, ...], ranked: list[tuple[str, float]]) -> dict[str, Any]:
    if not ranked:
        listed = ", ".join(socs) or "no SOC code"
        return {
            "offshorability": None,
            "offshorability_source": f"not ranked by Blinder (2009) for {listed}",
        }
    value = round(sum(v for _, v in ranked) / len(ranked), 2)
    parts = ", ".join(f"SOC {soc} = {v:g}" for soc, v in ranked)
    return {
        "offshorability": value,
        "offshorability_source": f"mean of {parts}; {BLINDER_CITATION}",
    }


def training_fingerprint() -> str:
    """Hash of what the categoriser models are trained from (catalogue, extra training text,
    occupations, rules).

    The build script stores it in each model file; the test suite checks the shipped models
    still match, so an edited catalogue cannot silently run with a stale model.
    """
    import hashlib

    from shoring.catalogue.features import FEATURES_VERSION
    from shoring.catalogue.soc_rules import RULES

    h = hashlib.sha256()
    for name in (CATALOGUE_FILE, OCCUPATIONS_FILE, TRAINING_FILE):
        h.update(data_text(name).encode("utf-8"))
    h.update(repr(sorted((k, v.value) for k, v in RULES.items())).encode())
    h.update(str(FEATURES_VERSION).encode())
    return h.hexdigest()


def load_training_texts() -> dict[str, tuple[str, ...]]:
    """Extra training text per catalogue code (``catalogue_training.yaml``): titles, then tasks.

    Read by the build script only.  Every code must be a catalogue code and every entry must
    give at least one title and one task; errors name the file, line and field.
    """
    text = data_text(TRAINING_FILE)
    try:
        raw = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError("training", TRAINING_FILE, f"malformed YAML: {exc}", line=line) from None
    if not isinstance(raw, dict):
        raise InputError("training", type(raw).__name__, "must be a mapping", source=TRAINING_FILE)
    codes = {e.code for e in _cached()}
    lines = {ln.split(":", 1)[0]: n for n, ln in enumerate(text.splitlines(), start=1)}
    out: dict[str, tuple[str, ...]] = {}
    for code, item in raw.items():
        line = lines.get(str(code))
        if code not in codes:
            raise InputError(
                "code", code, "is not a catalogue code", source=TRAINING_FILE, line=line
            )
        if not isinstance(item, dict) or set(item) != {"titles", "tasks"}:
            raise InputError(
                str(code),
                item,
                "must have exactly the keys titles and tasks",
                source=TRAINING_FILE,
                line=line,
            )
        texts = [*item["titles"], *item["tasks"]]
        if (
            not item["titles"]
            or not item["tasks"]
            or not all(isinstance(t, str) and t.strip() for t in texts)
        ):
            raise InputError(
                str(code),
                item,
                "titles and tasks must be non-empty lists of text",
                source=TRAINING_FILE,
                line=line,
            )
        out[str(code)] = tuple(t.strip() for t in texts)
    return out


@lru_cache(maxsize=1)
def _cached() -> tuple[CatalogueEntry, ...]:
    return tuple(parse_catalogue(data_text(CATALOGUE_FILE)))


def load_catalogue() -> list[CatalogueEntry]:
    """The bundled work catalogue, validated (a new list each call; entries are frozen)."""
    return list(_cached())
