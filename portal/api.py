"""The portal's JSON API, one OpenAPI document for every app's router (/api/docs)."""

from ninja import NinjaAPI

from search.api import router as search_router
from solutions_catalog.api import router as catalogue_router

api = NinjaAPI(
    title="Smart City Consortium open data",
    version="1",
    description="Read-only public data of the consortium portal, and its search.",
    urls_namespace="api",
)
api.add_router("/catalogue", catalogue_router)
api.add_router("/search", search_router)
