"""A shop's checkout: an order paid by card through cloudpayments_client, 3-D Secure, lookups and refunds."""

from shop.checkout import Checkout, Order, OrderStatus

__all__ = ["Checkout", "Order", "OrderStatus"]
