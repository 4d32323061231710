-- The audit trail is append-only: refuse UPDATE, DELETE and TRUNCATE on it.
-- Hand-written, since the Prisma schema language has no triggers. prisma migrate deploy applies it as is.
CREATE OR REPLACE FUNCTION sipas_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS '
BEGIN
  RAISE EXCEPTION ''AuditEvent is append-only: % refused'', TG_OP
    USING ERRCODE = ''insufficient_privilege'';
END;
';

CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION sipas_audit_append_only();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION sipas_audit_append_only();
