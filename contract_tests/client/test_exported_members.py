"""The public surface is exactly what `__all__` names, and every name in it comes from the package."""

from __future__ import annotations

import cloudpayments_client

from spec_tools import Spec

EXPORTED = {
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncCloudPayments",
    "AuthenticationError",
    "BadRequestError",
    "CloudPayments",
    "CloudPaymentsError",
    "ConfigurationError",
    "OperationFailedError",
    "PaymentDeclinedError",
    "RateLimitError",
    "ResponseValidationError",
    "ServerError",
    "ThreeDSecureRequired",
    "UnexpectedStatusError",
    "__version__",
}


def test_all_is_exactly_the_public_surface() -> None:
    assert len(cloudpayments_client.__all__) == len(set(cloudpayments_client.__all__))
    assert set(cloudpayments_client.__all__) == EXPORTED


def test_exported_members_are_defined_in_the_package() -> None:
    for name in cloudpayments_client.__all__:
        member = getattr(cloudpayments_client, name)
        if name == "__version__":
            assert isinstance(member, str)
            continue
        assert member.__module__.startswith("cloudpayments_client."), (name, member.__module__)
        assert member.__name__ == name


def test_public_module_attributes_are_exported() -> None:
    """Nothing else public at the top level but the package's own submodules."""
    public = {name for name in vars(cloudpayments_client) if not name.startswith("_")}
    submodules = {"api", "client", "errors", "models", "types"}
    assert public - set(cloudpayments_client.__all__) <= submodules
    assert not {"Client", "AuthenticatedClient", "low_level"} & public


def test_version_is_the_api_description_version(spec: Spec) -> None:
    assert cloudpayments_client.__version__ == str(spec["info"]["version"])


def test_errors_derive_from_one_base() -> None:
    for name in EXPORTED - {"CloudPayments", "AsyncCloudPayments", "__version__"}:
        assert issubclass(getattr(cloudpayments_client, name), cloudpayments_client.CloudPaymentsError), name
