"""Every input has a budget, each a setting: a breach is a rejection in words, the run goes on."""

from __future__ import annotations

import time

import pytest

from httpserver import LocalServer
from sitrep.acquire.fetch import fetch
from sitrep.errors import FetchError
from sitrep.settings import Settings


def test_a_server_dribbling_its_headers_costs_at_most_the_fetch_budget() -> None:
    settings = Settings(allow_private_addresses=True, fetch_timeout_s=1.0)
    with LocalServer() as server:
        url = server.route("/drip", b"", dribble_s=0.01)  # 100 bytes a second, never done
        started = time.monotonic()
        with pytest.raises(FetchError) as caught:
            fetch(url, settings)
        took = time.monotonic() - started
    assert caught.value.reason == "unreachable" and "timed out" in caught.value.message
    assert took < 2.0, took
