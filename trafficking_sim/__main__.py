"""Allows ``python -m trafficking_sim``."""

from .cli import main

raise SystemExit(main())
