from django.urls import path

from . import views

app_name = "harvest"
urlpatterns = [
    path("", views.node_document, name="node"),
    path("inbox", views.inbox, name="inbox"),
]
