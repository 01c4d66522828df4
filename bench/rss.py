"""Resident set size of a process, read from /proc (the benchmark runs on Linux)."""

from __future__ import annotations

from pathlib import Path


def _status_kib(field: str, pid: int | str = "self") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1])
    raise RuntimeError(f"/proc/{pid}/status has no {field}")


def rss_kib(pid: int | str = "self") -> int:
    return _status_kib("VmRSS", pid)


def peak_rss_kib(pid: int | str = "self") -> int:
    return _status_kib("VmHWM", pid)
