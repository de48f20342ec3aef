"""Subcommands of the ``tribunal`` command line, one module per area.

Each module listed in :data:`MODULES` has ``register(subparsers)`` that adds its
subcommands; every subcommand sets ``func(args) -> int`` with ``set_defaults``.
"""

from __future__ import annotations

MODULES: tuple[str, ...] = (
    "tribunal.commands.hearings",
    "tribunal.commands.clock",
    "tribunal.commands.periods",
    "tribunal.commands.calendar",
    "tribunal.commands.enterprises",
    "tribunal.commands.observers",
    "tribunal.commands.docs",
    "tribunal.commands.participants",
    "tribunal.commands.closing",
    "tribunal.commands.reports",
    "tribunal.commands.agents",
    "tribunal.commands.records",
    "tribunal.commands.notices",
    "tribunal.commands.calc",
    "tribunal.commands.outcomes",
)
