"""WSGI entry point for any WSGI server: ``gunicorn "dashboard.wsgi:server"``.

The dataset comes from the ``ALLIANCE_TIMELINE_DATA`` environment variable (a folder or an
events CSV); without it, the bundled dataset is served.
"""

from __future__ import annotations

import os

from .app import create_app
from .dataset import load_dataset

app = create_app(load_dataset(os.environ.get("ALLIANCE_TIMELINE_DATA") or None))
server = app.server
