from django.urls import path

from . import views

app_name = "catalogue"
urlpatterns = [
    path("<int:page_id>/adopt/", views.adopt, name="adopt"),
]
