"""Received messages are evidence: append-only in the database too, as the access
log (wijkteam 0002 and 0009). UPDATE, DELETE and TRUNCATE raise; a retour that
accepts or rejects a message is a new row, never a change to the message.

The test suite empties tables with `session_replication_role = replica`, under which
triggers do not fire (tests/fixtures.py)."""

from django.db import migrations

FORWARD = """
CREATE OR REPLACE FUNCTION iwmo_bericht_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'iwmo_bericht is append-only (ontvangen berichten)';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER iwmo_bericht_no_update_delete
BEFORE UPDATE OR DELETE ON iwmo_bericht
FOR EACH ROW EXECUTE FUNCTION iwmo_bericht_append_only();

CREATE TRIGGER iwmo_bericht_no_truncate
BEFORE TRUNCATE ON iwmo_bericht
FOR EACH STATEMENT EXECUTE FUNCTION iwmo_bericht_append_only();
"""

BACKWARD = """
DROP TRIGGER IF EXISTS iwmo_bericht_no_truncate ON iwmo_bericht;
DROP TRIGGER IF EXISTS iwmo_bericht_no_update_delete ON iwmo_bericht;
DROP FUNCTION IF EXISTS iwmo_bericht_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("iwmo", "0001_initial")]

    operations = [migrations.RunSQL(FORWARD, BACKWARD)]
