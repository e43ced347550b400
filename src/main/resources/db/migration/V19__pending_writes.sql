-- Objects a close is writing to the storage locations and has not registered yet: recorded (and committed) before the
-- first byte is written, so that an object the close leaves in a location when it fails before registering is never
-- an unexplained orphan. verify and storage-report name such an object «незавершённое закрытие»; the close's rerun
-- writes the same bytes under the same key (deterministic keys, idempotent puts) and registers them. Registering the
-- key (an archived_object row, in the registration's transaction) removes the row.
CREATE TABLE pending_write (
    object_key   VARCHAR(512) PRIMARY KEY,
    sha256       CHAR(64)     NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    school_id    VARCHAR(64)  NOT NULL,
    class_name   TEXT         NOT NULL,
    period_name  TEXT         NOT NULL,
    import_id    UUID,
    started_at   TIMESTAMPTZ  NOT NULL
);

CREATE FUNCTION forget_pending_write() RETURNS trigger AS $$
BEGIN
    DELETE FROM pending_write WHERE object_key = NEW.object_key;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER archived_object_ends_pending_write AFTER INSERT ON archived_object
    FOR EACH ROW EXECUTE FUNCTION forget_pending_write();
