from __future__ import annotations

from parley.services.cli.restarts import RestartPolicy


def test_delays_double_up_to_the_bound_then_stop() -> None:
    policy = RestartPolicy(max_restarts=5, window_s=600, first_delay_s=1, max_delay_s=30)
    delays = [policy.next_delay("dispatcher", now=float(t)) for t in range(6)]
    assert delays == [1, 2, 4, 8, 16, None]


def test_restarts_older_than_the_window_no_longer_count() -> None:
    policy = RestartPolicy(max_restarts=2, window_s=600)
    assert policy.next_delay("alerting", 0.0) is not None
    assert policy.next_delay("alerting", 10.0) is not None
    assert policy.next_delay("alerting", 20.0) is None
    assert policy.next_delay("alerting", 611.0) is not None  # the first two fell out of the window
    assert policy.count("alerting", 611.0) == 1


def test_each_service_has_its_own_budget() -> None:
    policy = RestartPolicy(max_restarts=1)
    assert policy.next_delay("indexer", 0.0) == 1
    assert policy.next_delay("search", 0.0) == 1
    assert policy.next_delay("indexer", 1.0) is None


def test_the_delay_is_capped() -> None:
    policy = RestartPolicy(max_restarts=20, max_delay_s=30)
    assert max(d or 0 for d in (policy.next_delay("ingest", float(t)) for t in range(10))) == 30
