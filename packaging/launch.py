"""The frozen app's entry point: the same ``main`` that ``facilitator`` and ``python -m`` run."""

from facilitator.cli import main

raise SystemExit(main())
