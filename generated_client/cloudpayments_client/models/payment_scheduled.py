from typing import Literal

PaymentScheduled = Literal[0, 1]

PAYMENT_SCHEDULED_VALUES: set[PaymentScheduled] = {
    0,
    1,
}


def check_payment_scheduled(value: int) -> PaymentScheduled:
    if value in PAYMENT_SCHEDULED_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PAYMENT_SCHEDULED_VALUES!r}")
