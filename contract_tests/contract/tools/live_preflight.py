"""`make contract` first checks that the server accepts the credentials.

Every operation documents 401, so a contract run with wrong credentials would "pass" on 401s alone;
this check turns that into a clear failure before schemathesis starts. The credentials come from the
environment (CONTRACT_PUBLIC_ID, CONTRACT_API_SECRET) and the secret is never printed.
"""

from __future__ import annotations

import os
import sys

import httpx


def preflight(url: str, public_id: str, api_secret: str) -> str | None:
    """None when `POST /test` answers 200 with `Success: true`, otherwise what went wrong."""
    try:
        response = httpx.post(f"{url.rstrip('/')}/test", auth=(public_id, api_secret), timeout=10.0)
    except httpx.HTTPError as error:
        return f"{url} is not reachable: {type(error).__name__}"
    if response.status_code == 401:
        return f"{url} refused the credentials of Public ID {public_id!r} (HTTP 401)"
    try:
        success = response.json().get("Success") is True
    except ValueError:
        success = False
    if response.status_code != 200 or not success:
        return f"{url}/test answered HTTP {response.status_code}: {response.text[:200]!r}"
    return None


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m contract_tests.contract.tools.live_preflight URL", file=sys.stderr)
        return 2
    problem = preflight(argv[1], os.environ["CONTRACT_PUBLIC_ID"], os.environ["CONTRACT_API_SECRET"])
    if problem:
        print(f"make contract: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
