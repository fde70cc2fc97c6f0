"""Location ranking by multi-criteria decision analysis (TOPSIS, weighted sum, AHP) with a
weight-sensitivity analysis."""

from shoring.ranking.ahp import AhpResult, ahp_weights
from shoring.ranking.criteria import CRITERIA, CRITERION_NAMES, DEFAULT_WEIGHTS, Criterion
from shoring.ranking.locations import LocationRanking, RankedCountry, rank_locations
from shoring.ranking.mcda import normalise, rank_scores, topsis, weighted_sum
from shoring.ranking.sensitivity import rank_sensitivity, sample_weights
from shoring.ranking.weights import WeightsSpec, parse_weights_document

__all__ = [
    "CRITERIA",
    "CRITERION_NAMES",
    "DEFAULT_WEIGHTS",
    "AhpResult",
    "Criterion",
    "LocationRanking",
    "RankedCountry",
    "WeightsSpec",
    "ahp_weights",
    "normalise",
    "parse_weights_document",
    "rank_locations",
    "rank_scores",
    "rank_sensitivity",
    "sample_weights",
    "topsis",
    "weighted_sum",
]
