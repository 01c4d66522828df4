"""The payer's browser on a 3-D Secure page, played with httpx: post the challenge to the ACS, press a button,
read the form the ACS posts back to TermUrl."""

from __future__ import annotations

from html.parser import HTMLParser

import httpx


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, dict[str, str], dict[str, tuple[str, str]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append((attributes.get("action", ""), {}, {}))
        elif tag == "input" and self.forms and "name" in attributes:
            self.forms[-1][1][attributes["name"]] = attributes.get("value", "")
        elif tag == "button" and self.forms and "id" in attributes:
            self.forms[-1][2][attributes["id"]] = (attributes.get("name", ""), attributes.get("value", ""))


def _only_form(html: str) -> tuple[str, dict[str, str], dict[str, tuple[str, str]]]:
    parser = _Forms()
    parser.feed(html)
    if len(parser.forms) != 1:
        raise RuntimeError(f"expected one form on the page, found {len(parser.forms)}")
    return parser.forms[0]


def pass_3ds(
    acs_url: str, pa_req: str, md: str, term_url: str, button: str = "acs-success"
) -> tuple[str, str]:
    """Returns (MD, PaRes) as the ACS posts them to TermUrl."""
    with httpx.Client(timeout=10) as browser:
        page = browser.post(acs_url, data={"PaReq": pa_req, "MD": md, "TermUrl": term_url})
        page.raise_for_status()
        action, fields, buttons = _only_form(page.text)
        name, value = buttons[button]
        back = browser.post(httpx.URL(acs_url).join(action), data={**fields, name: value})
        back.raise_for_status()
        target, returned, _ = _only_form(back.text)
        if target != term_url:
            raise RuntimeError(f"the ACS returned to {target!r}, not to TermUrl")
        return returned["MD"], returned["PaRes"]
