from django.urls import path

from . import notification_views, views

app_name = "members"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("apply/", views.apply, name="apply"),
    path("applications/", views.application_list, name="applications"),
    path("applications/<int:pk>/", views.application_review, name="application"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("me/", views.my_profile, name="profile"),
    path("me/notifications/", notification_views.notification_centre, name="notifications"),
    path("me/notifications/read/", notification_views.mark_all_read,
         name="notifications_read"),
    path("me/notifications/<int:pk>/read/", notification_views.mark_read,
         name="notification_read"),
    path("me/mail/", notification_views.mail_preferences, name="mail_preferences"),
    path("me/unsubscribe/<str:token>/", notification_views.unsubscribe, name="unsubscribe"),
    path("me/data/", views.my_data, name="my_data"),
    path("me/delete/", views.delete_my_account, name="delete_account"),
    path("<slug:slug>/", views.organisation_detail, name="organisation"),
    path("<slug:slug>/manage/", views.organisation_manage, name="manage"),
    path("<slug:slug>/people/<int:membership_id>/", views.membership_change,
         name="membership"),
]
