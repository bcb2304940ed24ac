import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# The kinds a person could switch off with the old single "e-mail notifications" box: the
# non-transactional kinds of members.notify when preferences per kind replaced it.
OPTIONAL_KINDS = ["meeting_reminder", "registration_change", "review_request",
                  "moderation_result", "challenge_activity", "case_study_activity",
                  "bid_activity", "deadline", "saved_search_match", "digest"]


def keep_opt_outs_and_both_languages(apps, schema_editor):
    User = apps.get_model("members", "User")
    MailPreference = apps.get_model("members", "MailPreference")
    Notification = apps.get_model("members", "Notification")
    MailPreference.objects.bulk_create(
        MailPreference(person_id=pk, kind=kind, delivery="never")
        for pk in User.objects.filter(notify_by_email=False).values_list("pk", flat=True)
        for kind in OPTIONAL_KINDS)
    # Older notifications were kept in their recipient's language only: shown as they are.
    Notification.objects.update(subject_ko=models.F("subject"), subject_en=models.F("subject"),
                                url_ko=models.F("url"), url_en=models.F("url"))


def restore_single_choice(apps, schema_editor):
    User = apps.get_model("members", "User")
    Notification = apps.get_model("members", "Notification")
    User.objects.filter(mail_preferences__delivery="never").update(notify_by_email=False)
    Notification.objects.update(subject=models.F("subject_ko"), url=models.F("url_ko"))


class Migration(migrations.Migration):

    dependencies = [
        ("members", "0006_notifications"),
    ]

    operations = [
        migrations.CreateModel(
            name="MailPreference",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True,
                                           serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=40, verbose_name="kind of notification")),
                ("delivery", models.CharField(
                    choices=[("immediately", "Immediately"),
                             ("digest", "In the weekly digest"), ("never", "Never")],
                    max_length=16, verbose_name="e-mail")),
                ("person", models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE,
                    related_name="mail_preferences", to=settings.AUTH_USER_MODEL,
                    verbose_name="person")),
            ],
            options={"verbose_name": "e-mail preference",
                     "verbose_name_plural": "e-mail preferences"},
        ),
        migrations.AddConstraint(
            model_name="mailpreference",
            constraint=models.UniqueConstraint(fields=("person", "kind"),
                                               name="one_mail_preference_per_kind"),
        ),
        migrations.AddField(
            model_name="notification", name="kind",
            field=models.CharField(blank=True, max_length=40,
                                   verbose_name="kind of notification"),
        ),
        migrations.AddField(
            model_name="notification", name="mail",
            field=models.CharField(
                choices=[("sent", "Sent"), ("awaiting_digest", "Waiting for the weekly digest"),
                         ("in_digest", "Sent in a weekly digest"),
                         ("not_sent", "Not sent (by your preference)")],
                default="sent", max_length=16, verbose_name="e-mail"),
        ),
        migrations.AddField(
            model_name="notification", name="subject_ko",
            field=models.CharField(default="", max_length=300, verbose_name="subject (Korean)"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="notification", name="subject_en",
            field=models.CharField(default="", max_length=300,
                                   verbose_name="subject (English)"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="notification", name="url_ko",
            field=models.CharField(blank=True, max_length=500, verbose_name="link (Korean)"),
        ),
        migrations.AddField(
            model_name="notification", name="url_en",
            field=models.CharField(blank=True, max_length=500, verbose_name="link (English)"),
        ),
        migrations.RunPython(keep_opt_outs_and_both_languages, restore_single_choice),
        migrations.RemoveField(model_name="notification", name="subject"),
        migrations.RemoveField(model_name="notification", name="url"),
        migrations.RemoveField(model_name="user", name="notify_by_email"),
    ]
