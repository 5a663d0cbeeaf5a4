"""Existing plan PDF jobs: the title named the household ("Plan van Huishouden X");
it now names the casus, as new jobs do (cases/exports_plan.py)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0015_corrections"),
        ("wijkteam", "0008_access_action_delete"),
    ]

    operations = [
        migrations.RunSQL(
            "UPDATE wijkteam_exportjob SET title = 'Plan van casus ' || object_id "
            "WHERE kind = 'casus-plan'",
            reverse_sql=migrations.RunSQL.noop,
        ),
    ]
