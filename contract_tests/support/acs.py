"""The payer's walk through the mock's 3-D Secure page (ACS), played with httpx instead of a browser.

Post PaReq, MD and TermUrl to AcsUrl; press "Confirm payment" or "Decline" on the page; read the form the
ACS auto-posts back to TermUrl, which carries MD and PaRes. The payer's browser holds no merchant
credentials, so none are sent. A synchronous and an asynchronous walk share every check.
"""

from __future__ import annotations

from typing import Final

import httpx

from contract_tests.support.html_forms import Form, forms_of

# Where a shop would take the payer back; the ACS only posts to it, nothing is fetched from there.
TERM_URL: Final = "https://shop.example/3ds-return"
# The base class of httpx.Auth sends no credentials at all (unlike None, which keeps the client's).
NO_AUTH: Final = httpx.Auth()


class AcsError(AssertionError):
    """The ACS page did not behave as the walk expects."""


def _only_form(response: httpx.Response, what: str) -> Form:
    if response.status_code != 200:
        raise AcsError(f"{what}: HTTP {response.status_code} {response.text[:500]!r}")
    forms = forms_of(response.text)
    if len(forms) != 1:
        raise AcsError(f"{what}: expected one form on the page, found {len(forms)}: {response.text[:800]!r}")
    return forms[0]


def _challenge(pa_req: str, md: str, term_url: str) -> dict[str, str]:
    return {"PaReq": pa_req, "MD": md, "TermUrl": term_url}


def _choice(acs_url: str, page: httpx.Response, success: bool) -> tuple[str, dict[str, str]]:
    """Where the button posts to and what it posts: the page's fields and the button's name and value."""
    form = _only_form(page, f"POST {acs_url}")
    button = "acs-success" if success else "acs-fail"
    if button not in form.buttons:
        raise AcsError(f"the ACS page has no #{button} button: {page.text[:800]!r}")
    name, value = form.buttons[button]
    return str(httpx.URL(acs_url).join(form.action)), {**form.fields, name: value}


def _returned(action: str, answer: httpx.Response, term_url: str) -> tuple[str, str]:
    back = _only_form(answer, f"POST {action}")
    if back.action != term_url or back.method != "post":
        raise AcsError(f"the ACS returned {back.method.upper()} {back.action!r}, not POST to TermUrl")
    if "MD" not in back.fields or "PaRes" not in back.fields:
        raise AcsError(f"the ACS did not return MD and PaRes to TermUrl: {answer.text[:500]!r}")
    return back.fields["MD"], back.fields["PaRes"]


def pass_3ds(
    acs_url: str,
    pa_req: str,
    md: str,
    term_url: str = TERM_URL,
    *,
    success: bool = True,
    client: httpx.Client | None = None,
) -> tuple[str, str]:
    """Returns (MD, PaRes) as the ACS posts them to TermUrl; `client` defaults to a fresh one."""
    if client is None:
        with httpx.Client(timeout=10) as browser:
            return pass_3ds(acs_url, pa_req, md, term_url, success=success, client=browser)
    page = client.post(acs_url, data=_challenge(pa_req, md, term_url), auth=NO_AUTH)
    action, choice = _choice(acs_url, page, success)
    return _returned(action, client.post(action, data=choice, auth=NO_AUTH), term_url)


async def pass_3ds_async(
    client: httpx.AsyncClient,
    acs_url: str,
    pa_req: str,
    md: str,
    term_url: str = TERM_URL,
    *,
    success: bool = True,
) -> tuple[str, str]:
    """The same walk through an async client (e.g. one bound to the app in process)."""
    page = await client.post(acs_url, data=_challenge(pa_req, md, term_url), auth=NO_AUTH)
    action, choice = _choice(acs_url, page, success)
    return _returned(action, await client.post(action, data=choice, auth=NO_AUTH), term_url)
