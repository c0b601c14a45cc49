"""Running the WSGI application under gunicorn, the production server."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):
    """gunicorn serving an application object built in this process."""

    def __init__(self, application: Any, options: dict[str, Any]):
        self.application = application
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        return self.application


def run_production_server(application: Any, host: str, port: int, workers: int = 1) -> None:
    """Serve ``application`` with gunicorn on ``host:port`` until interrupted."""
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    _Server(
        application,
        {"bind": bind, "workers": workers, "threads": 4, "accesslog": None, "errorlog": "-", "loglevel": "warning"},
    ).run()
