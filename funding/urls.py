from django.urls import path

from . import dashboard, views

app_name = "funding"
urlpatterns = [
    path("", views.opportunity_list, name="opportunities"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("dashboard/bids.csv", dashboard.bids_csv, name="bids_csv"),
    path("bids/", views.bid_list, name="bids"),
    path("bids/<int:pk>/", views.bid_detail, name="bid"),
    path("bids/<int:pk>/move/", views.move, name="move"),
    path("bids/<int:pk>/partners/", views.partner, name="partner"),
    path("bids/<int:pk>/tasks/", views.task, name="task"),
    path("bids/<int:pk>/tasks/<int:task>/done/", views.task_done, name="task_done"),
    path("bids/<int:pk>/documents/", views.document, name="document"),
    path("bids/<int:pk>/documents/<int:version>/", views.download, name="download"),
    path("bids/<int:pk>/comments/", views.comment, name="comment"),
    path("<slug:slug>/", views.opportunity_detail, name="opportunity"),
    path("<slug:slug>/bid/", views.start_bid, name="start_bid"),
]
