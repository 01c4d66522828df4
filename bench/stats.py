"""Budgets (stop after N operations or T seconds) and latency summaries."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field


@dataclass
class Budget:
    """Allows operations until `max_ops` were taken or `max_seconds` passed, whichever comes first."""

    max_ops: int
    max_seconds: float
    taken: int = 0
    started: float = field(default_factory=time.perf_counter)

    def take(self, ops: int = 1) -> bool:
        if self.taken >= self.max_ops or self.elapsed() >= self.max_seconds:
            return False
        self.taken += ops
        return True

    def elapsed(self) -> float:
        return time.perf_counter() - self.started


@dataclass(frozen=True)
class Latency:
    """Percentiles in milliseconds."""

    p50: float
    p95: float
    p99: float

    @classmethod
    def of(cls, seconds: list[float]) -> Latency:
        if len(seconds) < 2:
            raise ValueError("at least two samples are needed for percentiles")
        # 99 cut points: index 49 is the median, 94 the 95th percentile, 98 the 99th.
        cuts = statistics.quantiles(seconds, n=100, method="inclusive")
        return cls(p50=cuts[49] * 1000, p95=cuts[94] * 1000, p99=cuts[98] * 1000)
