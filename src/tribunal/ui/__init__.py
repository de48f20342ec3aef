"""The desktop interface (PySide6): application setup, main window, pages, dialogs and models."""
