"""Which path of the spec a called path is.

A call names a concrete path: `/payments/get`, or, for an operation with a path parameter, the path with its
value (`/site/notifications/pay/get` for the template `/site/notifications/{Type}/get`). Recorded exchanges,
the client's replay and the recording proxy need the template and the values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

_PARAMETER = re.compile(r"\{([^{}/]+)\}")


class CalledPath(NamedTuple):
    template: str  # the spec's path, a key of `paths`
    parameters: dict[str, str]  # path parameter values, as called


@cache
def _pattern(template: str) -> re.Pattern[str]:
    pattern, position = "", 0
    for match in _PARAMETER.finditer(template):
        pattern += re.escape(template[position : match.start()]) + f"(?P<{match[1]}>[^/]+)"
        position = match.end()
    return re.compile(pattern + re.escape(template[position:]))


def called_path(paths: Iterable[str], called: str) -> CalledPath:
    """The spec path a called path matches: itself when the spec has it, else the one template it fits."""
    templates = list(paths)
    if called in templates:
        return CalledPath(called, {})
    matches = [
        CalledPath(template, match.groupdict())
        for template in templates
        if (match := _pattern(template).fullmatch(called)) is not None
    ]
    if len(matches) != 1:
        found = [m.template for m in matches]
        raise LookupError(f"{called} matches {len(matches)} paths of the spec: {found}")
    return matches[0]
