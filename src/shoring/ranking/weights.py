"""Weights documents: a criterion -> weight mapping, or an AHP pairwise comparison matrix.

Accepted shapes (YAML or JSON, parsed by the caller):

- ``{"labour_cost": 3, "language_fit": 2, ...}`` or the same under a ``weights`` key;
  criteria not listed weigh 0 and the weights are rescaled to sum to 1;
- ``{"ahp": {"criteria": ["labour_cost", ...], "matrix": [[1, 3, ...], ...]}}``: weights from
  the pairwise judgements (geometric mean); a consistency ratio above 0.1 is an error that
  names the pair contributing most.  Criteria not in the matrix weigh 0.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from shoring.errors import InputError
from shoring.ranking.ahp import AhpResult, ahp_weights, require_consistent
from shoring.ranking.criteria import check_criterion, complete_weights


class WeightsSpec(BaseModel):
    model_config = ConfigDict(frozen=True)

    weights: dict[str, float]
    ahp: AhpResult | None = None


def parse_weights_document(doc: Any, source: str | None = None) -> WeightsSpec:
    """Validate a parsed weights document; errors name the file and the field."""
    try:
        if not isinstance(doc, dict):
            raise InputError("weights", doc, "expected a mapping of criterion -> weight")
        if "ahp" in doc:
            spec = doc["ahp"]
            if not isinstance(spec, dict) or "criteria" not in spec or "matrix" not in spec:
                raise InputError("ahp", spec, "expected {criteria: [...], matrix: [[...]]}")
            names = spec["criteria"]
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise InputError("ahp.criteria", names, "expected a list of criterion names")
            for index, name in enumerate(names):
                check_criterion(name, f"ahp.criteria[{index}]")
            if len(set(names)) != len(names):
                raise InputError("ahp.criteria", names, "a criterion is listed twice")
            result = require_consistent(ahp_weights(spec["matrix"], names))
            return WeightsSpec(weights=complete_weights(result.weight_map()), ahp=result)
        mapping = doc.get("weights", doc)
        if not isinstance(mapping, dict):
            raise InputError("weights", mapping, "expected a mapping of criterion -> weight")
        return WeightsSpec(weights=complete_weights(mapping))
    except InputError as exc:
        raise exc.located(source) from None
