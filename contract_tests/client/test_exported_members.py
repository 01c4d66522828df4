"""The public surface is exactly what `__all__` names, and every name in it comes from the package."""

from __future__ import annotations

import re

import cloudpayments_client

from generator.build import OUTPUT as CLIENT_DIR
from generator.build import package_facts

EXPORTED = {
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AmountPrecisionError",
    "AsyncCloudPayments",
    "AuthenticationError",
    "BadRequestError",
    "CloudPayments",
    "CloudPaymentsError",
    "ConfigurationError",
    "InvalidArgumentError",
    "InvalidNotificationError",
    "InvalidSignatureError",
    "OperationFailedError",
    "PaymentDeclinedError",
    "QrPaymentTimeout",
    "RateLimitError",
    "ReceiptMismatchError",
    "ResponseValidationError",
    "ServerError",
    "SucceededUnreadableError",
    "ThreeDSecureRequired",
    "UnexpectedStatusError",
    "__version__",
}
# The receipt builder (cloudpayments_client.receipts): functions, beside its error above.
RECEIPT_BUILDER = {"customer_receipt", "receipt_item", "receipt_json_data"}
ENUMS = {"ReasonCode", "SubscriptionStatus", "TransactionStatus"}
# Literal types of the requests' values (cloudpayments_client.models), for a caller's own annotations.
ALIASES = {"Currency"}


def test_all_is_exactly_the_public_surface() -> None:
    assert len(cloudpayments_client.__all__) == len(set(cloudpayments_client.__all__))
    assert set(cloudpayments_client.__all__) == EXPORTED | ENUMS | ALIASES | RECEIPT_BUILDER


def test_exported_members_are_defined_in_the_package() -> None:
    for name in cloudpayments_client.__all__:
        member = getattr(cloudpayments_client, name)
        if name == "__version__":
            assert isinstance(member, str)
            continue
        if name in ALIASES:  # a Literal alias has no module or name of its own: it is the models' one
            assert member is getattr(cloudpayments_client.models, name)
            continue
        assert member.__module__.startswith("cloudpayments_client."), (name, member.__module__)
        assert member.__name__ == name


def test_public_module_attributes_are_exported() -> None:
    """Nothing else public at the top level but the package's own submodules."""
    public = {name for name in vars(cloudpayments_client) if not name.startswith("_")}
    submodules = {"api", "client", "errors", "models", "receipts", "types", "webhooks"}
    assert public - set(cloudpayments_client.__all__) <= submodules
    assert not {"Client", "AuthenticatedClient", "low_level"} & public


def test_version_is_the_client_own_semantic_version() -> None:
    """The package's version is its own (generator/package.yaml), with a changelog entry, not info.version."""
    version = package_facts()["version"]
    assert cloudpayments_client.__version__ == version
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    changelog = (CLIENT_DIR / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {version}" in changelog
    assert "Do not edit" not in (CLIENT_DIR / "README.md").read_text(encoding="utf-8")


def test_errors_derive_from_one_base() -> None:
    for name in EXPORTED - {"CloudPayments", "AsyncCloudPayments", "__version__"}:
        assert issubclass(getattr(cloudpayments_client, name), cloudpayments_client.CloudPaymentsError), name
