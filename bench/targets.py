"""Targets (bench/targets.toml) and how a run compares with them."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from bench.metrics import Metric

TARGETS_FILE = Path(__file__).resolve().parent / "targets.toml"


@dataclass(frozen=True)
class Target:
    metric: str
    minimum: float | None
    maximum: float | None
    why: str

    def met_by(self, value: float) -> bool:
        return (self.minimum is None or value >= self.minimum) and (
            self.maximum is None or value <= self.maximum
        )

    def describe(self) -> str:
        return f">= {self.minimum:g}" if self.minimum is not None else f"<= {self.maximum:g}"


@dataclass(frozen=True)
class Verdict:
    metric: Metric
    target: Target | None

    @property
    def ok(self) -> bool:
        return self.target is None or self.target.met_by(self.metric.value)


def load_targets(path: Path = TARGETS_FILE) -> dict[str, Target]:
    document = tomllib.loads(path.read_text(encoding="utf-8"))
    targets: dict[str, Target] = {}
    for row in document["target"]:
        minimum, maximum = row.get("min"), row.get("max")
        if (minimum is None) == (maximum is None):
            raise ValueError(f"{path}: target {row['metric']!r} needs exactly one of min and max")
        targets[row["metric"]] = Target(row["metric"], minimum, maximum, row["why"])
    return targets


def judge(metrics: list[Metric], targets: dict[str, Target]) -> list[Verdict]:
    """One verdict per metric; a target naming no measured metric is an error, not a silent pass."""
    measured = {metric.key for metric in metrics}
    unknown = sorted(set(targets) - measured)
    if unknown:
        raise ValueError(f"targets name metrics that were not measured: {', '.join(unknown)}")
    return [Verdict(metric, targets.get(metric.key)) for metric in metrics]
