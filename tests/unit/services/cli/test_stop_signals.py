from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest

from parley.services.cli.stop_signals import STOP_SIGNALS, Stopped, StopSignals


@pytest.fixture
def signals() -> Iterator[StopSignals]:
    saved = {sig: signal.getsignal(sig) for sig in STOP_SIGNALS}
    # As from a terminal: under nohup or as a script's background job, SIGHUP or SIGINT arrive
    # ignored, and install() rightly keeps an inherited ignore (the last test).
    for sig in STOP_SIGNALS:
        signal.signal(sig, signal.SIG_DFL)
    try:
        yield StopSignals.install()
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def test_a_stop_signal_raises_stopped(signals: StopSignals) -> None:
    with pytest.raises(Stopped) as caught:
        signal.raise_signal(signal.SIGHUP)
    assert caught.value.name == "SIGHUP"


def test_inside_held_the_stop_waits_for_the_end_of_the_block(signals: StopSignals) -> None:
    done = []
    with pytest.raises(Stopped) as caught, signals.held():
        signal.raise_signal(signal.SIGTERM)
        done.append("recorded")  # e.g. the child just started is written down
    assert done == ["recorded"]
    assert caught.value.signum == signal.SIGTERM


def test_once_stopping_signals_are_only_noted(signals: StopSignals) -> None:
    signals.stopping()
    signal.raise_signal(signal.SIGINT)
    assert signals.received == signal.SIGINT


def test_an_inherited_ignore_of_sighup_is_kept() -> None:
    saved = {sig: signal.getsignal(sig) for sig in STOP_SIGNALS}
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # as under nohup
    try:
        StopSignals.install()
        assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
        assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_IGN, signal.SIG_DFL)
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)
