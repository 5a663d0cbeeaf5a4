"""TRUNCATE empties a table without firing its row triggers, so the append-only
guard of 0002 needs a statement trigger too.

Like every trigger it does not fire with `session_replication_role = replica`, which
only a superuser may set (a superuser can drop the trigger anyway): the test suite
uses that to empty the database between tests (tests/fixtures.py).
"""

from django.db import migrations

FORWARD = """
CREATE TRIGGER wijkteam_accesslog_no_truncate
BEFORE TRUNCATE ON wijkteam_accesslogentry
FOR EACH STATEMENT EXECUTE FUNCTION wijkteam_accesslog_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS wijkteam_accesslog_no_truncate ON wijkteam_accesslogentry;
"""


class Migration(migrations.Migration):
    dependencies = [("wijkteam", "0008_access_action_delete")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
