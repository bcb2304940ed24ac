from django.urls import path

from . import staff, views

app_name = "events"
urlpatterns = [
    path("", views.meeting_list, name="meetings"),
    path("past/", views.past_meetings, name="past"),
    path("calendar/theme/<slug:slug>.ics", views.theme_feed, name="theme_feed"),
    path("calendar/series/<slug:slug>.ics", views.series_feed, name="series_feed"),
    path("calendar/mine/<str:token>.ics", views.personal_feed, name="personal_feed"),
    path("calendar/new-address/", views.rotate_feed, name="rotate_feed"),
    path("series/<slug:slug>/follow/", views.follow_series, name="follow_series"),
    path("series/<slug:slug>/unfollow/", views.unfollow_series, name="unfollow_series"),
    path("<slug:slug>/", views.meeting_detail, name="meeting"),
    path("<slug:slug>/register/", views.register, name="register"),
    path("<slug:slug>/cancel/", views.cancel, name="cancel"),
    path("<slug:slug>/calendar.ics", views.meeting_ics, name="meeting_ics"),
    path("<slug:slug>/attendees/", staff.attendees, name="attendees"),
    path("<slug:slug>/attendees.csv", staff.attendees_csv, name="attendees_csv"),
    path("<slug:slug>/attendees/<int:pk>/decide/", staff.decide, name="decide"),
    path("<slug:slug>/publish-minutes/", staff.publish_minutes, name="publish_minutes"),
]
