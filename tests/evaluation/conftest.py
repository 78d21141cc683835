"""Fixtures for the evaluation tests: the scripts of eval/, loaded as modules."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, EVAL / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def fit_answerer() -> ModuleType:
    """eval/fit_answerer.py."""
    return _load("fit_answerer")


@pytest.fixture(scope="session")
def synthetic_qa() -> ModuleType:
    """eval/synthetic_qa.py."""
    return _load("synthetic_qa")
