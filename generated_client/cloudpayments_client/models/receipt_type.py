from typing import Literal

ReceiptType = Literal["Expense", "ExpenseReturn", "Income", "IncomeReturn"]

RECEIPT_TYPE_VALUES: set[ReceiptType] = {
    "Expense",
    "ExpenseReturn",
    "Income",
    "IncomeReturn",
}


def check_receipt_type(value: str) -> ReceiptType:
    if value in RECEIPT_TYPE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECEIPT_TYPE_VALUES!r}")
