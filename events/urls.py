from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("", views.meeting_list, name="meetings"),
    path("<slug:slug>/", views.meeting_detail, name="meeting"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/cancel/", views.cancel, name="cancel"),
]
