"""Long-lived data is built with the collector paused and then kept out of its passes."""

from __future__ import annotations

import gc
import weakref

import pytest

from sitrep.longlived import collector_paused, keep_for_process


def test_the_collector_is_paused_inside_and_restored_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested builds (the gazetteer inside a warm-up)
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_comes_back_when_the_build_fails() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("bad pack")
    assert gc.isenabled()


def test_a_paused_collector_stays_paused_for_whoever_paused_it() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_is_alive_is_frozen_and_garbage_is_freed_first() -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self  # a cycle: only the collector frees it

    gc.disable()  # so that nothing but keep_for_process collects the garbage below
    try:
        before = gc.get_freeze_count()
        kept = [Node() for _ in range(10)]
        garbage = Node()
        dead = weakref.ref(garbage)
        del garbage
        assert dead() is not None  # a cycle outlives its last name until a collection
        keep_for_process()
        assert dead() is None  # collected, not frozen for the life of the process
        assert gc.get_freeze_count() >= before + len(kept)
    finally:
        gc.unfreeze()  # leave the test process as it was
        gc.enable()
