"""The portal's JSON API, one OpenAPI document for every app's router (/api/docs)."""

from ninja import NinjaAPI

from solutions_catalog.api import router as catalogue_router

api = NinjaAPI(
    title="Smart City Consortium open data",
    version="1",
    description="Read-only public data of the consortium portal.",
    urls_namespace="api",
)
api.add_router("/catalogue", catalogue_router)
