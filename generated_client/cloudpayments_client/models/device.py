from typing import Literal

Device = Literal["DesktopWeb", "Mobile", "MobileApp"]

DEVICE_VALUES: set[Device] = {
    "DesktopWeb",
    "Mobile",
    "MobileApp",
}


def check_device(value: str) -> Device:
    if value in DEVICE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {DEVICE_VALUES!r}")
