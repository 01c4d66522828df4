"""`cloudpayments_client.webhooks` reads exactly what was signed: forged re-encodings, repeated parameters and
unsigned headers (Content-Type, its charset) cannot change what a notification says; malformed input of any
kind is an `InvalidNotificationError`, never another exception; a notification's repr holds no personal data.

Bodies are written as .NET writes them and signed with plain hmac/base64 (the helpers of test_webhooks.py)."""

from __future__ import annotations

import base64
import json
from decimal import Decimal
from typing import Final

import pytest
from cloudpayments_client import ConfigurationError, InvalidNotificationError, InvalidSignatureError, webhooks
from cloudpayments_client.webhooks import NotificationKind, PayNotification, RecurrentNotification
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contract_tests.client.test_webhooks import (
    BODIES,
    FORM_UTF8,
    JSON_UTF8,
    SECRET,
    Pairs,
    dotnet_form,
    hmac_b64,
    signed,
    url_decoded,
)

PAY: Final = BODIES[NotificationKind.PAY]
# The card holder's name as the payer types it; the genuine form sends `IVAN%26Amount%3d999999.00%26x%3d`.
PAYER_NAME: Final = "IVAN&Amount=999999.00&x="


def with_values(pairs: Pairs, **changes: str) -> Pairs:
    return [(name, changes.get(name, value)) for name, value in pairs]


def relabelled(body: bytes, content_type: str) -> dict[str, str]:
    """Headers whose signature is right for `body` but whose (unsigned) Content-Type is `content_type`."""
    return {"Content-Type": content_type, "Content-HMAC": hmac_b64(body)}


def refused(body: bytes, headers: dict[str, str], kind: str = "Pay") -> InvalidNotificationError:
    with pytest.raises(InvalidNotificationError) as caught:
        webhooks.parse(body, headers, SECRET, kind=kind)
    return caught.value


# ------------------------------------------------------------------------------------------------------------
# X-Content-HMAC signs the URL-decoded text, which many bodies share.


def genuine_pay_with_payer_name(name: str = PAYER_NAME) -> bytes:
    return dotnet_form(with_values(PAY, Amount="10.00", Name=name))


def test_forged_re_encoding_with_only_x_content_hmac_is_refused() -> None:
    genuine = genuine_pay_with_payer_name()
    assert b"Name=IVAN%26Amount%3d999999.00%26x%3d" in genuine
    # The attacker drops Content-HMAC and sends the decoded text itself: X-Content-HMAC still matches.
    forged = url_decoded(genuine)
    x_only = {"Content-Type": FORM_UTF8, "X-Content-HMAC": signed(genuine)["X-Content-HMAC"]}
    webhooks.verify(forged, x_only, SECRET)
    error = refused(forged, x_only)
    assert error.field == "Amount" and "more than once" in str(error)


def test_genuine_body_with_content_hmac_reads_the_payer_text_as_sent() -> None:
    genuine = genuine_pay_with_payer_name()
    pay = webhooks.parse(genuine, signed(genuine), SECRET, kind="Pay")
    assert isinstance(pay, PayNotification)
    assert pay.amount == Decimal("10.00") and pay.name == PAYER_NAME
    # The forged re-encoding does not match Content-HMAC.
    with pytest.raises(InvalidSignatureError):
        webhooks.parse(url_decoded(genuine), signed(genuine), SECRET, kind="Pay")


@pytest.mark.parametrize("name", ["IVAN&AccountId=victim@example.com", "IVAN&", "A=B&C", "&&"], ids=repr)
def test_x_content_hmac_alone_refuses_a_body_whose_decoded_text_splits_otherwise(name: str) -> None:
    genuine = genuine_pay_with_payer_name(name)
    x_only = signed(genuine, which="x")
    assert "Content-HMAC" not in x_only
    error = refused(genuine, x_only)
    assert "Content-HMAC" in str(error) and "ambiguous" in str(error)
    assert error.field is None
    # With Content-HMAC the same body is read, the payer's text whole.
    pay = webhooks.parse(genuine, signed(genuine), SECRET, kind="Pay")
    assert isinstance(pay, PayNotification) and pay.name == name


def test_a_name_holding_an_equals_sign_is_ambiguous_with_x_content_hmac_alone() -> None:
    genuine = dotnet_form([*PAY, ("Custom=Field", "1")])
    assert b"Custom%3dField=1" in genuine
    error = refused(genuine, signed(genuine, which="x"))
    assert "Content-HMAC" in str(error)
    pay = webhooks.parse(genuine, signed(genuine), SECRET, kind="Pay")
    assert pay.extra["Custom=Field"] == "1"


def test_x_content_hmac_alone_reads_an_unambiguous_form() -> None:
    body = dotnet_form(with_values(PAY, Name="IVAN%26PETROV", Token="tk_a=b==", Description="plain"))
    pay = webhooks.parse(body, signed(body, which="x"), SECRET, kind="Pay")
    assert isinstance(pay, PayNotification)
    assert pay.name == "IVAN%26PETROV" and pay.token == "tk_a=b==" and pay.amount == Decimal("10.10")


# ------------------------------------------------------------------------------------------------------------
# A parameter sent twice: which one was meant cannot be told.


@pytest.mark.parametrize("second", ["Amount", "amount", "AMOUNT"])
def test_a_parameter_sent_twice_in_a_form_is_refused(second: str) -> None:
    body = dotnet_form([*PAY, (second, "999999.00")])
    error = refused(body, signed(body))
    assert error.field == "Amount" and error.kind == "Pay"
    assert "999999" not in str(error)


def test_an_unknown_parameter_sent_twice_is_refused_without_naming_it() -> None:
    body = dotnet_form([*PAY, ("x-secret-looking-name", "1"), ("X-Secret-Looking-Name", "2")])
    error = refused(body, signed(body))
    assert error.field is None and "more than once" in str(error)
    assert "secret-looking" not in str(error).lower()


@pytest.mark.parametrize(
    "document",
    [
        '{"TransactionId":1504648,"Amount":10.10,"Amount":999999.00}',
        '{"TransactionId":1504648,"Amount":10.10,"amount":999999.00}',
        '{"TransactionId":1504648,"Amount":10.10,"Data":{"a":1,"a":2}}',
        '{"TransactionId":1504648,"Amount":10.10,"Data":{"cart":[{"sku":"A","sku":"B"}]}}',
    ],
    ids=["same-key", "key-in-another-case", "in-data", "deep-in-data"],
)
def test_a_repeated_key_in_a_json_body_is_refused(document: str) -> None:
    pairs = [(name, value) for name, value in PAY if name not in ("TransactionId", "Amount", "Data")]
    head = json.dumps(dict(pairs), ensure_ascii=False)[1:-1]
    body = (document[:-1] + "," + head + "}").encode("utf-8")
    json.loads(body)  # valid JSON, last key wins for json.loads
    error = refused(body, signed(body, content_type=JSON_UTF8))
    assert "repeated" in str(error) or "more than once" in str(error)


def test_a_repeated_key_in_the_data_parameter_is_refused() -> None:
    body = dotnet_form(with_values(PAY, Data='{"order":"1","order":"2"}'))
    error = refused(body, signed(body))
    assert error.field == "Data" and "repeated" in str(error)


# ------------------------------------------------------------------------------------------------------------
# The Content-Type is not signed: it must not change what a signed body says.


def test_a_json_body_relabelled_as_a_form_is_not_read_as_one() -> None:
    injected = "&".join(f"{name}={value}" for name, value in with_values(PAY, Amount="999999.00"))
    document = {**dict(PAY), "Name": f"x&{injected}&y="}
    body = json.dumps(document, ensure_ascii=False).encode("utf-8")
    pay = webhooks.parse(body, signed(body, content_type=JSON_UTF8), SECRET, kind="Pay")
    assert isinstance(pay, PayNotification) and pay.amount == Decimal("10.10")
    for content_type in (FORM_UTF8, "text/plain", ""):
        headers = relabelled(body, content_type) if content_type else {"Content-HMAC": hmac_b64(body)}
        error = refused(body, headers)
        assert "JSON" in str(error)


def test_a_charset_that_moves_quotes_is_refused() -> None:
    """In UTF-7, `+ACI-` is a `"`: a payer's name would close its string and add an Amount."""
    text = '","Amount":999999.00,"x":"'
    shifted = "+" + base64.b64encode(text.encode("utf-16-be")).decode("ascii").rstrip("=") + "-"
    document = {**dict(PAY), "Name": "A" + shifted}
    body = json.dumps(document, ensure_ascii=True).encode("ascii")
    assert '"Amount":999999.00' in body.decode("utf-7")
    error = refused(body, relabelled(body, "application/json; charset=utf-7"))
    assert "charset" in str(error)


@pytest.mark.parametrize(
    "charset",
    [
        "base64",
        "rot13",
        "uu_codec",
        "zlib",
        "hex",
        "bz2",
        "quopri",
        "utf-7",
        "utf-16",
        "utf-32-le",
        "unicode_escape",
        "raw_unicode_escape",
        "idna",
        "punycode",
        "hz",
        "iso2022_jp",
        "shift_jis",
        "big5",
        "gbk",
        "cp1140",
        "no-such-charset",
        "utf-8\x00",
    ],
    ids=repr,
)
def test_only_ascii_compatible_text_charsets_are_read(charset: str) -> None:
    body = dotnet_form(PAY)
    for media in ("application/x-www-form-urlencoded", "application/json"):
        content_type = f'{media}; charset="{charset}"'
        error = refused(body, relabelled(body, content_type))
        assert error.field is None


@pytest.mark.parametrize("charset", ["utf-8", "UTF8", "windows-1251", "cp1251", "koi8-r", "latin-1"])
def test_usual_charsets_are_read(charset: str) -> None:
    body = dotnet_form(PAY)
    pay = webhooks.parse(
        body, relabelled(body, f"application/x-www-form-urlencoded; charset={charset}"), SECRET, kind="Pay"
    )
    assert isinstance(pay, PayNotification) and pay.amount == Decimal("10.10")


# ------------------------------------------------------------------------------------------------------------
# Malformed input: InvalidNotificationError, nothing else.

DEEP: Final = 100_000


def test_deeply_nested_json_body_is_refused() -> None:
    body = b'{"Data":' + b"[" * DEEP + b"]" * DEEP + b"}"
    error = refused(body, signed(body, content_type=JSON_UTF8))
    assert "nested" in str(error)
    # Just past the bound: json.loads reads it, the bound refuses it.
    body = b'{"Data":' + b"[" * 40 + b"]" * 40 + b"}"
    assert "nested" in str(refused(body, signed(body, content_type=JSON_UTF8)))


@pytest.mark.parametrize(
    "data",
    ["[" * DEEP + "]" * DEEP, '{"a":' * DEEP + "1" + "}" * DEEP, "[" * 40 + "]" * 40],
    ids=["arrays-100k", "objects-100k", "arrays-40"],
)
def test_deeply_nested_data_parameter_is_refused(data: str) -> None:
    body = dotnet_form(with_values(PAY, Data=data))
    error = refused(body, signed(body))
    assert error.field == "Data" and "nested" in str(error)


def test_moderately_nested_data_is_read() -> None:
    data = '{"a":' * 20 + "1" + "}" * 20
    body = dotnet_form(with_values(PAY, Data=data))
    pay = webhooks.parse(body, signed(body), SECRET, kind="Pay")
    assert isinstance(pay, PayNotification)
    assert isinstance(pay.data, dict) and json.dumps(pay.data) == data.replace(":", ": ")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("TransactionId", "1" * 5000),
        ("TransactionId", "9" * 20),
        ("ReasonCode", "-" + "1" * 5000),
        ("Amount", "1" * 5000 + ".00"),
        ("Amount", "1." + "0" * 100),
    ],
    ids=["id-5000-digits", "id-past-int64", "code-5000-digits", "amount-5000-digits", "amount-100-decimals"],
)
def test_absurd_numbers_are_refused_with_a_clear_message(name: str, value: str) -> None:
    kind = NotificationKind.FAIL if name == "ReasonCode" else NotificationKind.PAY
    pairs = with_values(BODIES[kind], **{name: value})
    body = dotnet_form(pairs)
    error = refused(body, signed(body), kind=kind.value)
    assert error.field == name and "at most" in str(error)
    assert "set_int_max_str_digits" not in str(error) and value not in str(error)


def test_an_int64_transaction_id_is_read() -> None:
    body = dotnet_form(with_values(PAY, TransactionId="9223372036854775807"))
    pay = webhooks.parse(body, signed(body), SECRET, kind="Pay")
    assert isinstance(pay, PayNotification) and pay.transaction_id == 2**63 - 1


@pytest.mark.parametrize(
    "number",
    ["1" * 100_000, "1." + "1" * 100_000, "1e" + "9" * 100, "1e" + "9" * 19, "-1.5E-" + "9" * 30],
    ids=["int", "fraction", "exponent", "exponent-past-decimal", "negative-exponent-past-decimal"],
)
def test_absurd_json_numbers_are_refused(number: str) -> None:
    body = ('{"TransactionId":1504648,"Amount":10.10,"Unknown":' + number + "}").encode("ascii")
    error = refused(body, signed(body, content_type=JSON_UTF8))
    assert "number" in str(error)


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_and_infinity_are_not_json(constant: str) -> None:
    """Money is never a float: a NaN in Data would be one."""
    document = json.dumps(dict(with_values(PAY, Data="")), ensure_ascii=False)
    body = document.replace('"Data": ""', f'"Data": {{"price": {constant}}}').encode("utf-8")
    error = refused(body, signed(body, content_type=JSON_UTF8))
    assert "not JSON" in str(error)


@pytest.mark.parametrize(
    "moment", ["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59-05:00", "2026-02-30 00:00:00"]
)
def test_dates_out_of_range_are_refused(moment: str) -> None:
    body = dotnet_form(with_values(PAY, DateTime=moment))
    error = refused(body, signed(body))
    assert error.field == "DateTime" and "date" in str(error)


def test_a_header_value_that_is_not_text_is_a_type_error() -> None:
    body = dotnet_form(PAY)
    with pytest.raises(TypeError):
        webhooks.verify(body, {"Content-HMAC": hmac_b64(body).encode("ascii")}, SECRET)  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        webhooks.verify(body, [("Content-HMAC", hmac_b64(body))], SECRET)  # type: ignore[arg-type]


def test_a_secret_that_is_not_valid_text_is_a_configuration_error() -> None:
    body = dotnet_form(PAY)
    with pytest.raises(ConfigurationError):
        webhooks.verify(body, signed(body), "sk_\udcff")


# ------------------------------------------------------------------------------------------------------------
# Fuzzing: whatever arrives, signed or not, only the module's own errors come out.

CHARSETS: Final = [
    "utf-8",
    "windows-1251",
    "base64",
    "rot13",
    "utf-7",
    "utf-16",
    "unicode_escape",
    "idna",
    "nope",
]
MEDIA: Final = ["application/x-www-form-urlencoded", "application/json", "text/plain", ""]
ALPHABET: Final = b'&=%+{}[]":,.-0123456789aAeE\\ \t\x00\xd0\xff'
FUZZ: Final = settings(
    max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


def fuzzed_bodies() -> st.SearchStrategy[bytes]:
    pieces = st.sampled_from(
        [
            *(bytes([byte]) for byte in ALPHABET),
            b"TransactionId=",
            b"Amount=",
            b"amount=",
            b"Data=",
            b'{"Amount":',
            b'"Data":',
            b"%26",
            b"%3d",
            b"%7b",
            b"%d0%9c",
            b"%ff",
            b"NaN",
            b"[" * 2000,
            b"9" * 5000,
            b"1e99999999999999999999",
        ]
    )
    valid = st.sampled_from(
        [
            dotnet_form(PAY),
            json.dumps(dict(PAY), ensure_ascii=False).encode("utf-8"),
            dotnet_form(BODIES[NotificationKind.RECURRENT]),
        ]
    )
    return st.one_of(
        st.binary(max_size=300),
        st.lists(pieces, max_size=40).map(b"".join),
        st.tuples(valid, st.lists(pieces, max_size=8).map(b"".join)).map(
            lambda parts: parts[0] + b"&" + parts[1]
        ),
        st.tuples(valid, st.integers(0, 2000), st.binary(max_size=8)).map(
            lambda parts: parts[0][: parts[1]] + parts[2] + parts[0][parts[1] :]
        ),
    )


@FUZZ
@given(
    body=fuzzed_bodies(),
    media=st.sampled_from(MEDIA),
    charset=st.one_of(st.none(), st.sampled_from(CHARSETS)),
    which=st.sampled_from(["content", "x", "both"]),
    kind=st.sampled_from(list(NotificationKind)),
)
def test_parse_raises_only_its_own_errors(
    body: bytes, media: str, charset: str | None, which: str, kind: NotificationKind
) -> None:
    content_type = media + (f"; charset={charset}" if charset else "")
    headers = webhooks.signature_headers(body, SECRET, content_type=content_type)
    if which == "content":
        del headers["X-Content-HMAC"]
    elif which == "x":
        del headers["Content-HMAC"]
    try:
        notification = webhooks.parse(body, headers, SECRET, kind=kind)
    except InvalidNotificationError as error:
        assert SECRET not in str(error)
    else:
        assert notification.kind is kind


@FUZZ
@given(
    body=st.binary(max_size=200),
    headers=st.dictionaries(
        st.sampled_from(["Content-HMAC", "x-content-hmac", "Content-Type", "X-Other"]),
        st.text(max_size=60),
        max_size=4,
    ),
)
def test_verify_raises_only_invalid_signature(body: bytes, headers: dict[str, str]) -> None:
    with pytest.raises(InvalidSignatureError):
        webhooks.verify(body, headers, SECRET)


# ------------------------------------------------------------------------------------------------------------
# The repr of a notification: no token, name, e-mail, address or other personal data.

PRIVATE: Final = {
    "Token": "tk_PRIVATE_TOKEN_7f1e",
    "TokenRecipient": "tk_PRIVATE_RECIPIENT_2c9d",
    "Name": "PRIVATE CARDHOLDER",
    "Email": "private.payer@example.org",
    "AccountId": "private-account@example.org",
    "IpAddress": "198.51.100.77",
    "IpLatitude": "55.123456",
    "IpLongitude": "37.654321",
    "CardExpDate": "11/29",
    "CustomFields": "phone +7 900 555-01-02",
    "Data": '{"phone":"+79005550102","email":"private.payer@example.org"}',
    "Phone": "+79005550103",
}


@pytest.mark.parametrize("kind", list(NotificationKind))
def test_repr_holds_no_personal_data(kind: NotificationKind) -> None:
    pairs = [(name, PRIVATE.get(name, value)) for name, value in BODIES[kind]]
    present = {name for name, _ in pairs}
    pairs += [(name, value) for name, value in PRIVATE.items() if name not in present]
    body = dotnet_form(pairs)
    notification = webhooks.parse(body, signed(body), SECRET, kind=kind)
    text = repr(notification) + str(notification)
    for name, value in PRIVATE.items():
        assert value not in text, name
    for value in ("PRIVATE", "private", "+7900", "79005550", "198.51.100"):
        assert value not in text
    # The fields still hold them, and the repr still tells what the notification is.
    assert notification.raw["Phone"] == PRIVATE["Phone"]
    assert type(notification).__name__ in text
    # (Receipt has no Email: the receipt's own JSON names the buyer, and the repr leaves it out.)
    if isinstance(notification, RecurrentNotification):
        assert notification.email == PRIVATE["Email"]
    else:
        assert "transaction_id=" in text and "amount=Decimal(" in text
