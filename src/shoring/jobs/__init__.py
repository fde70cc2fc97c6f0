"""Jobs impact of an option: both sides' figures, side by side."""

from shoring.jobs.impact import jobs_impact

__all__ = ["jobs_impact"]
