"""Catches service calls made on the GUI thread: every public function of every service module is wrapped."""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

import tribunal.services

_depth = threading.local()


def service_functions() -> Iterator[tuple[Any, str, Callable[..., Any]]]:
    """(module, name, function) for every public function defined in a ``tribunal.services`` module."""
    for info in pkgutil.iter_modules(tribunal.services.__path__):
        module = importlib.import_module(f"tribunal.services.{info.name}")
        for name, value in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(value):
                continue
            if value.__module__ != module.__name__:
                continue  # imported from elsewhere; wrapped where it is defined
            yield module, name, value


@contextmanager
def calls_on_the_gui_thread(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Record ``module.function`` of each outermost service call made on the GUI (main) thread."""
    seen: list[str] = []
    gui = threading.main_thread()

    def wrap(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            depth = getattr(_depth, "n", 0)
            if depth == 0 and threading.current_thread() is gui:
                seen.append(label)
            _depth.n = depth + 1
            try:
                return function(*args, **kwargs)
            finally:
                _depth.n = depth

        return guarded

    for module, name, function in list(service_functions()):
        label = f"{module.__name__.rsplit('.', 1)[-1]}.{name}"
        monkeypatch.setattr(module, name, wrap(label, function))
    yield seen
