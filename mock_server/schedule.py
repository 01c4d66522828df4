"""A subscription's schedule: its payment dates from StartDate, every Period Intervals."""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta


def _add_months(moment: datetime, months: int) -> datetime:
    month = moment.month - 1 + months
    year, month = moment.year + month // 12, month % 12 + 1
    return moment.replace(year=year, month=month, day=min(moment.day, calendar.monthrange(year, month)[1]))


def next_payment_date(start: datetime, interval: str, period: int, moment: datetime) -> datetime:
    """The first date of the schedule (`start`, then every `period` `interval`s) after `moment`."""
    if start > moment:
        return start
    if interval == "Month":
        step = 0
        candidate = start
        while candidate <= moment:
            step += period
            candidate = _add_months(start, step)
        return candidate
    length = timedelta(days=period) if interval == "Day" else timedelta(weeks=period)
    steps = (moment - start) // length + 1
    return start + steps * length
