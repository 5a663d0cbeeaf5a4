"""The open-casus counter trigger locks its two counter rows in key order.

A casus moving from regievoerder A to B took A's row, then B's; one moving from B to
A at the same moment took B's, then A's: a deadlock. Now both take the lower key
first (team, regievoerder, status), so they queue instead. The bulk transfer locks
everything it will touch up front in the same order (services_casework)."""

from django.db import migrations

TRIGGER_SQL = """
CREATE OR REPLACE FUNCTION cases_open_count_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    old_key bigint := coalesce(OLD.regievoerder_id, 0);
    new_key bigint := coalesce(NEW.regievoerder_id, 0);
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM cases_open_count_add(OLD.team_id, old_key, OLD.status, -1);
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        PERFORM cases_open_count_add(NEW.team_id, new_key, NEW.status, 1);
        RETURN NULL;
    END IF;
    IF OLD.team_id = NEW.team_id AND old_key = new_key
        AND OLD.status = NEW.status THEN
        RETURN NULL;
    END IF;
    IF (OLD.team_id, old_key, OLD.status::text)
        < (NEW.team_id, new_key, NEW.status::text) THEN
        PERFORM cases_open_count_add(OLD.team_id, old_key, OLD.status, -1);
        PERFORM cases_open_count_add(NEW.team_id, new_key, NEW.status, 1);
    ELSE
        PERFORM cases_open_count_add(NEW.team_id, new_key, NEW.status, 1);
        PERFORM cases_open_count_add(OLD.team_id, old_key, OLD.status, -1);
    END IF;
    RETURN NULL;
END $$;
"""

PREVIOUS_SQL = """
CREATE OR REPLACE FUNCTION cases_open_count_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE'
        AND OLD.team_id = NEW.team_id
        AND OLD.regievoerder_id IS NOT DISTINCT FROM NEW.regievoerder_id
        AND OLD.status = NEW.status THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM cases_open_count_add(
            OLD.team_id, coalesce(OLD.regievoerder_id, 0), OLD.status, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM cases_open_count_add(
            NEW.team_id, coalesce(NEW.regievoerder_id, 0), NEW.status, 1);
    END IF;
    RETURN NULL;
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [("cases", "0013_case_main_contact_buurt")]

    operations = [migrations.RunSQL(TRIGGER_SQL, PREVIOUS_SQL)]
