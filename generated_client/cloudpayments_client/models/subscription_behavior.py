from typing import Literal

SubscriptionBehavior = Literal["CreateMonthly", "CreateWeekly"]

SUBSCRIPTION_BEHAVIOR_VALUES: set[SubscriptionBehavior] = {
    "CreateMonthly",
    "CreateWeekly",
}


def check_subscription_behavior(value: str) -> SubscriptionBehavior:
    if value in SUBSCRIPTION_BEHAVIOR_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {SUBSCRIPTION_BEHAVIOR_VALUES!r}")
