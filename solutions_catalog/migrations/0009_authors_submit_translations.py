"""City authors asked Wagtail's simple_translation for translations; wagtail-localize
replaces it, with a permission of its own."""

from django.db import migrations

AUTHORS = "City authors"


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    submit = Permission.objects.filter(content_type__app_label="wagtail_localize",
                                       codename="submit_translation").first()
    group = Group.objects.filter(name=AUTHORS).first()
    if submit and group:
        group.permissions.add(submit)


class Migration(migrations.Migration):

    dependencies = [
        ("solutions_catalog", "0008_translatable_kpis_and_partners"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
