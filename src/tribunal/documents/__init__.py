"""Printable documents (文书): ReportLab renderers on one base, fed with plain data by services.

Nothing here imports SQLAlchemy, the services or Qt: every renderer takes the frozen
dataclasses of :mod:`tribunal.documents.data` and returns PDF bytes. ReportLab is imported
by the submodules only, so ``import tribunal.documents`` stays cheap.
"""

from __future__ import annotations
