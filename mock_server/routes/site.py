"""The site around the API: the status page, the served spec (YAML and JSON) and the rendered docs."""

from __future__ import annotations

import json
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, Response
from starlette.routing import Route

from mock_server import pages
from mock_server.routes.forms import html
from mock_server.spec import ApiSpec
from mock_server.store import Store


class SitePages:
    def __init__(self, spec: ApiSpec, store: Store, public_id: str, docs_path: Path) -> None:
        self.spec = spec
        self.store = store
        self.public_id = public_id
        self.docs_path = docs_path

    def routes(self) -> list[Route]:
        return [
            Route("/", self.status, methods=["GET"]),
            Route("/openapi.yaml", self.openapi_yaml, methods=["GET"]),
            Route("/openapi.json", self.openapi_json, methods=["GET"]),
            Route("/docs", self.docs, methods=["GET"]),
        ]

    async def status(self, request: Request) -> Response:
        base_url = str(request.base_url).rstrip("/")
        counts = self.store.counts()
        return html(pages.status_page(self.spec.operations.values(), counts, self.public_id, base_url))

    async def openapi_yaml(self, request: Request) -> Response:
        return Response(self.spec.text, media_type="application/yaml; charset=utf-8")

    async def openapi_json(self, request: Request) -> Response:
        text = json.dumps(self.spec.document, ensure_ascii=False, indent=2)
        return Response(text, media_type="application/json")

    async def docs(self, request: Request) -> Response:
        if self.docs_path.is_file():
            return FileResponse(self.docs_path, media_type="text/html")
        return html(pages.docs_missing(), 404)
