"""KPIs, partners and images become translatable children (wagtail-localize): each row takes its
page's locale and a translation key of its own. ``register_translations`` then gives a
translated page's rows the keys of its source's rows, so they are translations of them."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

CHILDREN = ["casestudykpi", "casestudypartner", "casestudyimage"]


def give_locale_and_key(apps, schema_editor):
    for name in CHILDREN:
        model = apps.get_model("solutions_catalog", name)
        rows = list(model.objects.select_related("page"))
        for row in rows:
            row.locale_id = row.page.locale_id
            row.translation_key = uuid.uuid4()
        model.objects.bulk_update(rows, ["locale", "translation_key"], batch_size=500)


def fields(name):
    return [
        migrations.AddField(
            model_name=name, name="locale",
            field=models.ForeignKey(editable=False, null=True,
                                    on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="wagtailcore.locale",
                                    verbose_name="locale")),
        migrations.AddField(
            model_name=name, name="translation_key",
            field=models.UUIDField(editable=False, null=True)),
    ]


def required(name):
    return [
        migrations.AlterField(
            model_name=name, name="locale",
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT,
                                    related_name="+", to="wagtailcore.locale",
                                    verbose_name="locale")),
        migrations.AlterField(
            model_name=name, name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False)),
        migrations.AlterUniqueTogether(name=name, unique_together={("translation_key", "locale")}),
    ]


class Migration(migrations.Migration):

    dependencies = [
        ("solutions_catalog", "0007_case_study_follows"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        *(operation for name in CHILDREN for operation in fields(name)),
        migrations.RunPython(give_locale_and_key, migrations.RunPython.noop),
        *(operation for name in CHILDREN for operation in required(name)),
    ]
