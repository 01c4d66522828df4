"""What a measurement yields: named figures, each comparable with a target."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bench.stats import Latency

Better = Literal["higher", "lower"]


@dataclass(frozen=True)
class Metric:
    key: str  # "<measurement>.<figure>", the name targets.toml uses
    value: float
    unit: str
    better: Better


@dataclass
class Measurement:
    name: str
    description: str
    metrics: list[Metric]
    details: dict[str, float | int | str]

    def add(self, figure: str, value: float, unit: str, better: Better) -> None:
        self.metrics.append(Metric(f"{self.name}.{figure}", value, unit, better))


def throughput(
    name: str, description: str, ops: int, seconds: float, latencies: list[float], failures: int
) -> Measurement:
    """Requests per second, latency percentiles and the count of unexpected answers."""
    latency = Latency.of(latencies)
    result = Measurement(name, description, [], {"requests": ops, "seconds": round(seconds, 3)})
    result.add("requests_per_s", ops / seconds, "req/s", "higher")
    result.add("p50_ms", latency.p50, "ms", "lower")
    result.add("p95_ms", latency.p95, "ms", "lower")
    result.add("p99_ms", latency.p99, "ms", "lower")
    result.add("failures", failures, "count", "lower")
    return result
