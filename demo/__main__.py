"""`python -m demo`: the scenario against the mock (started here), or against the API named by
CLOUDPAYMENTS_PUBLIC_ID, CLOUDPAYMENTS_API_SECRET and CLOUDPAYMENTS_BASE_URL."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

_CLIENT_DIR = Path(__file__).resolve().parent.parent / "generated_client"
_ENV = ("CLOUDPAYMENTS_PUBLIC_ID", "CLOUDPAYMENTS_API_SECRET", "CLOUDPAYMENTS_BASE_URL")
_SETTLE_SECONDS = 15.0  # notifications are delivered in the background, after the answers


def main() -> int:
    # The client is used from the checkout when it is not installed.
    if importlib.util.find_spec("cloudpayments_client") is None and _CLIENT_DIR.is_dir():
        sys.path.insert(0, str(_CLIENT_DIR))
    from cloudpayments_client import CloudPayments

    from contract_tests.support.servers import serve_asgi
    from demo.receiver import Receiver
    from demo.scenario import Scenario, notifications_step, render, render_notifications
    from mock_server import DEFAULT_API_SECRET, DEFAULT_PUBLIC_ID, create_app

    if all(os.environ.get(name) for name in _ENV):
        public_id = os.environ["CLOUDPAYMENTS_PUBLIC_ID"]
        base_url = os.environ["CLOUDPAYMENTS_BASE_URL"]
        print(f"Demo against {base_url} (Public ID {public_id}).")
        print("Note: the demo's cryptograms carry placeholder bytes that only the mock reads; a real API")
        print("declines or refuses the card steps unless it is another instance of this mock.")
        with CloudPayments(
            public_id=public_id, api_secret=os.environ["CLOUDPAYMENTS_API_SECRET"], base_url=base_url
        ) as client:
            steps = Scenario(client, public_id, mock_base_url=None).run()
    else:
        # The shop's notification endpoint: the mock sends it the Check before each payment and the
        # notifications the settings ask for; each is verified with the client's webhooks module.
        receiver = Receiver(DEFAULT_API_SECRET)
        with serve_asgi(receiver.app) as receiver_url:
            mock = create_app(
                public_id=DEFAULT_PUBLIC_ID,
                api_secret=DEFAULT_API_SECRET,
                check_url=f"{receiver_url}/notify/Check",
            )
            with serve_asgi(mock) as base_url:
                print(f"Demo against the mock at {base_url} (set {', '.join(_ENV)} to use another server).")
                with CloudPayments(
                    public_id=DEFAULT_PUBLIC_ID, api_secret=DEFAULT_API_SECRET, base_url=base_url
                ) as client:
                    scenario = Scenario(
                        client, DEFAULT_PUBLIC_ID, mock_base_url=base_url, receiver_url=receiver_url
                    )
                    steps = scenario.run()
                settled = mock.state.notifications.log.wait_settled(_SETTLE_SECONDS)
            received = receiver.snapshot()
        steps.append(notifications_step(received, settled))
        print()
        print(f"Notifications received by the shop at {receiver_url}:")
        print(render_notifications(received))
    print()
    print(render(steps))
    failed = [s.name for s in steps if not s.ok]
    print()
    print(
        f"{len(steps) - len(failed)}/{len(steps)} steps as expected"
        + (f"; failed: {', '.join(failed)}" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
