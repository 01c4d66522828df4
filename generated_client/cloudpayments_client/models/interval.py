from typing import Literal

Interval = Literal["Day", "Month", "Week"]

INTERVAL_VALUES: set[Interval] = {
    "Day",
    "Month",
    "Week",
}


def check_interval(value: str) -> Interval:
    if value in INTERVAL_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {INTERVAL_VALUES!r}")
