"""The claim-verification workbench: ingest reports, extract attributed claims,
review them side by side, and score the sources.

Importing this package never starts the app or loads Textual; entry points build
the app through ``workbench.tui.make_app``.
"""

__version__ = "0.1.0"
