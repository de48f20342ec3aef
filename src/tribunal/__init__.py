"""Tribunal: the circuit tribunal workbench for labour-dispute arbitration clerks (巡回仲裁庭)."""

__version__ = "0.1.0"
