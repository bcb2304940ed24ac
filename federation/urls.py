from django.urls import path

from . import views

app_name = "federation"

urlpatterns = [
    path("changes", views.changes, name="changes"),
    path("items/<slug:kind>/<str:key>", views.item, name="item"),
    path("catalogue", views.catalogue, name="catalogue"),
    path("vocabulary", views.vocabulary, name="vocabulary"),
]
