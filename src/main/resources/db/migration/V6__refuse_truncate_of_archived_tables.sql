-- TRUNCATE bypasses row triggers: refuse it on every write-once table of the registry too.
CREATE FUNCTION refuse_truncate_of_archived_table() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'archived table % is write-once: TRUNCATE refused', TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER frozen_journal_no_truncate BEFORE TRUNCATE ON frozen_journal
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
CREATE TRIGGER archived_document_no_truncate BEFORE TRUNCATE ON archived_document
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
CREATE TRIGGER archived_object_no_truncate BEFORE TRUNCATE ON archived_object
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
CREATE TRIGGER replica_no_truncate BEFORE TRUNCATE ON replica
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
CREATE TRIGGER document_signature_no_truncate BEFORE TRUNCATE ON document_signature
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
