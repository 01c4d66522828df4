"""Receipts (54-FZ) built from their items, checked before anything is sent.

A receipt's sums must add up, or CloudKassir fiscalises nothing (the receipt ends in `Error`, after the payment
it was for went through). `receipt_item` and `customer_receipt` check them in exact `Decimal` arithmetic, in
the client, and raise `ReceiptMismatchError` naming the item at fault::

    from decimal import Decimal
    from cloudpayments_client import customer_receipt, receipt_item, receipt_json_data

    receipt = customer_receipt(
        [
            receipt_item("Book", price=Decimal("100.50"), quantity=2, vat=22),
            receipt_item("Pen", price="49.50", quantity=1, vat=None),
        ],
        taxation_system=0,
        email="user@example.com",
    )
    client.receipts.create_receipt(inn="7708806062", type_="Income", customer_receipt=receipt)
    client.payments.charge_card(..., json_data=receipt_json_data(receipt, order_id=7))

The checks: every sum (`price`, `amount`, `discount`, the amounts) has at most two decimals and is not
negative, a quantity is more than 0; an item's `Amount` is `Price` x `Quantity` less its `discount`, to the
kopeck (`amount` left out is computed so; given, it must be that value); there are 1 to 100 items, adding up
to more than 0; and the kinds of payment (`electronic`, `advance_payment`, `credit`, `provision`, `cash`) add
up to the items' total (none given: the whole total is `electronic`, a card payment). The result is the
`CustomerReceipt` mapping in the API's spelling, its sums `Decimal` (the client writes them exactly).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from typing import Any, Final

from .errors import InvalidArgumentError

__all__ = ["ReceiptMismatchError", "customer_receipt", "receipt_item", "receipt_json_data"]

MAX_ITEMS: Final = 100
_CENT: Final = Decimal("0.01")
# Exact for any sum a receipt can hold.
_CONTEXT: Final = Context(prec=100)
Number = Decimal | int | str | float


class _CheckedItem(dict[str, Any]):
    """An item `receipt_item` made and checked (its discount, not a key of the API's, included)."""


class ReceiptMismatchError(InvalidArgumentError):
    """A receipt whose sums do not add up, found before anything is sent. `item` is the index of the item at
    fault and `label` its name (None when the fault is the receipt's, e.g. its amounts)."""

    def __init__(self, message: str, *, item: int | None = None, label: str | None = None) -> None:
        super().__init__(message)
        self.item = item
        self.label = label


def _where(item: int | None, label: str | None) -> str:
    if item is None:
        return "receipt" if label is None else f"item {label!r}"
    return f"item {item} ({label!r})"


def _decimal(value: Any, name: str, item: int | None = None, label: str | None = None) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int | str | float):
        raise ReceiptMismatchError(
            f"{_where(item, label)}: {name} must be a Decimal, an int or decimal text, not {type(value).__name__}",
            item=item,
            label=label,
        )
    try:
        exact = Decimal(str(value))
    except InvalidOperation:
        raise ReceiptMismatchError(
            f"{_where(item, label)}: {name} is not a number: {value!r}", item=item, label=label
        ) from None
    if not exact.is_finite():
        raise ReceiptMismatchError(f"{_where(item, label)}: {name} is not a finite number", item=item, label=label)
    return exact


def _sum(value: Any, name: str, item: int | None = None, label: str | None = None) -> Decimal:
    """A sum of money: at least 0, at most two significant decimals (never rounded)."""
    exact = _decimal(value, name, item, label)
    if exact < 0:
        raise ReceiptMismatchError(
            f"{_where(item, label)}: {name} must not be negative: {exact}", item=item, label=label
        )
    exponent = exact.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ReceiptMismatchError(
            f"{_where(item, label)}: {name} must have at most 2 decimal places: {exact}", item=item, label=label
        )
    return exact


def receipt_item(
    label: str,
    *,
    price: Number,
    quantity: Number,
    amount: Number | None = None,
    discount: Number | None = None,
    vat: int | None = None,
    method: int | None = None,
    object_: int | None = None,
    measurement_unit: str | None = None,
    **requisites: Any,
) -> dict[str, Any]:
    """One item: `amount` is `price` x `quantity` less `discount` (computed when left out, else checked), to
    the kopeck; an item given to `customer_receipt` as a plain mapping has no discount: its `Amount` must be
    `Price` x `Quantity`. `vat` None is "not subject to VAT" (not 0%); `method`, `object_` the codes of the spec's
    `ReceiptMethod` and `ReceiptObject`. `requisites` are further documented keys in the API's spelling
    (`AgentSign`, `PurveyorData`...), passed on as given. The index in a mismatch is filled by
    `customer_receipt`."""
    if not isinstance(label, str) or not label:
        raise ReceiptMismatchError("a receipt item needs a label (the name of the goods or service)")
    unit_price = _sum(price, "price", None, label)
    count = _decimal(quantity, "quantity", None, label)
    if count <= 0:
        raise ReceiptMismatchError(f"{_where(None, label)}: quantity must be more than 0: {count}", label=label)
    off = _sum(discount, "discount", None, label) if discount is not None else Decimal(0)
    cost = _CONTEXT.multiply(unit_price, count)
    expected = _CONTEXT.subtract(cost, off).quantize(_CENT, ROUND_HALF_UP, _CONTEXT)
    if expected < 0:
        raise ReceiptMismatchError(
            f"{_where(None, label)}: discount {off} is more than price x quantity ({cost})", label=label
        )
    if amount is None:
        total = expected
    else:
        total = _sum(amount, "amount", None, label)
        if total != expected:
            less = f" - {off}" if off else ""
            raise ReceiptMismatchError(
                f"{_where(None, label)}: amount {total} is not price x quantity{' - discount' if off else ''} "
                f"({unit_price} x {count}{less} = {expected})",
                label=label,
            )
    item = _CheckedItem(Label=label, Price=unit_price, Quantity=count, Amount=total, Vat=vat)
    if method is not None:
        item["Method"] = method
    if object_ is not None:
        item["Object"] = object_
    if measurement_unit is not None:
        item["MeasurementUnit"] = measurement_unit
    item.update(requisites)
    return item


def customer_receipt(
    items: Iterable[Mapping[str, Any]],
    *,
    taxation_system: int | None = None,
    email: str | None = None,
    phone: str | None = None,
    electronic: Number | None = None,
    advance_payment: Number | None = None,
    credit: Number | None = None,
    provision: Number | None = None,
    cash: Number | None = None,
    **requisites: Any,
) -> dict[str, Any]:
    """The `CustomerReceipt` of `/kkt/receipt`, of a subscription, or of a payment's JsonData (see
    `receipt_json_data`), once its sums add up. `items` are `receipt_item`s (or mappings of the same keys,
    checked again); `requisites` further documented keys (`CalculationPlace`, `CustomerInn`...)."""
    checked: list[dict[str, Any]] = []
    total = Decimal(0)
    for index, given in enumerate(items):
        label = given.get("Label") if isinstance(given, Mapping) else None
        if not isinstance(given, Mapping) or "Price" not in given or "Quantity" not in given:
            raise ReceiptMismatchError(
                f"item {index} is not a receipt item (use receipt_item)", item=index, label=label
            )
        if len(checked) == MAX_ITEMS:
            raise ReceiptMismatchError(f"a receipt holds at most {MAX_ITEMS} items", item=index, label=label)
        if isinstance(given, _CheckedItem):
            checked.append(dict(given))
            total = _CONTEXT.add(total, given["Amount"])
            continue
        extra = {k: v for k, v in given.items() if k not in ("Label", "Price", "Quantity", "Amount", "Vat")}
        try:
            item = receipt_item(
                str(label or ""),
                price=given["Price"],
                quantity=given["Quantity"],
                amount=given.get("Amount"),
                vat=given.get("Vat"),
                **extra,
            )
        except ReceiptMismatchError as error:
            raise ReceiptMismatchError(
                str(error).replace(_where(None, label), _where(index, label), 1), item=index, label=label
            ) from None
        checked.append(item)
        total = _CONTEXT.add(total, item["Amount"])
    if not checked:
        raise ReceiptMismatchError("a receipt needs at least one item")
    if total <= 0:
        raise ReceiptMismatchError(f"the items add up to {total}: a receipt's total must be more than 0")
    kinds = {
        "Electronic": electronic,
        "AdvancePayment": advance_payment,
        "Credit": credit,
        "Provision": provision,
        "Cash": cash,
    }
    given_kinds = {name: _sum(value, name) for name, value in kinds.items() if value is not None}
    amounts = given_kinds or {"Electronic": total}
    paid = sum(amounts.values(), Decimal(0))
    if paid != total:
        raise ReceiptMismatchError(f"the items add up to {total}, the amounts to {paid}")
    receipt: dict[str, Any] = {"Items": checked, "Amounts": amounts}
    for name, value in (("TaxationSystem", taxation_system), ("Email", email), ("Phone", phone)):
        if value is not None:
            receipt[name] = value
    receipt.update(requisites)
    return receipt


def receipt_json_data(receipt: Mapping[str, Any], **other: Any) -> dict[str, Any]:
    """A payment's `JsonData` that issues `receipt` with the payment (`CloudPayments.CustomerReceipt`),
    beside any other keys of the merchant's."""
    return {**other, "CloudPayments": {"CustomerReceipt": dict(receipt)}}
