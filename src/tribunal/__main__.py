"""Allows ``python -m tribunal``."""

import sys

from tribunal.cli import main

sys.exit(main())
