"""The access log is append-only in the database too: UPDATE and DELETE raise."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION wijkteam_accesslog_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'wijkteam_accesslogentry is append-only (NEN 7513)';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER wijkteam_accesslog_no_update_delete
BEFORE UPDATE OR DELETE ON wijkteam_accesslogentry
FOR EACH ROW EXECUTE FUNCTION wijkteam_accesslog_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS wijkteam_accesslog_no_update_delete ON wijkteam_accesslogentry;
DROP FUNCTION IF EXISTS wijkteam_accesslog_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("wijkteam", "0001_initial")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
