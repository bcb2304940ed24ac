from django.urls import path

from . import dashboard, deadlines, views

app_name = "funding"
urlpatterns = [
    path("", views.opportunity_list, name="opportunities"),
    path("calendar/", deadlines.deadline_calendar, name="calendar"),
    path("calendar.ics", deadlines.deadlines_feed, name="deadlines_feed"),
    path("calendar/theme/<slug:slug>.ics", deadlines.theme_deadlines_feed,
         name="theme_deadlines_feed"),
    path("calendar/mine/<str:token>.ics", deadlines.personal_deadlines_feed,
         name="personal_deadlines_feed"),
    path("calendar/new-address/", deadlines.rotate_deadlines_feed, name="rotate_deadlines_feed"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/bids.csv", dashboard.bids_csv, name="bids_csv"),
    path("bids/", views.bid_list, name="bids"),
    path("bids/<int:pk>/", views.bid_detail, name="bid"),
    path("bids/<int:pk>/move/", views.move, name="move"),
    path("bids/<int:pk>/partners/", views.partner, name="partner"),
    path("bids/<int:pk>/lead-share/", views.lead_share, name="lead_share"),
    path("bids/<int:pk>/evidence/", views.evidence, name="evidence"),
    path("bids/<int:pk>/evidence-<str:language>.pdf", views.evidence_pack, name="evidence_pack"),
    path("bids/<int:pk>/tasks/", views.task, name="task"),
    path("bids/<int:pk>/tasks/<int:task>/done/", views.task_done, name="task_done"),
    path("bids/<int:pk>/documents/", views.document, name="document"),
    path("bids/<int:pk>/documents/<int:version>/", views.download, name="download"),
    path("bids/<int:pk>/comments/", views.comment, name="comment"),
    path("<slug:slug>/", views.opportunity_detail, name="opportunity"),
    path("<slug:slug>/bid/", views.start_bid, name="start_bid"),
]
