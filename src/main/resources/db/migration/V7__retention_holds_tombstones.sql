-- Retention beyond the term itself: the terms in force per record class (to notice a changed policy file), the
-- insert-only log of retention events, holds that block destruction, and the tombstone a destroyed document leaves.

-- Documents that are not class journals (summary statements, destruction acts, extracts) have no frozen period journal.
ALTER TABLE archived_document ALTER COLUMN frozen_journal_id DROP NOT NULL;
-- Records of a permanent class (retention-policies/*.yaml with permanent: true) have no destruction date.
ALTER TABLE document_retention ALTER COLUMN eligible_for_destruction_from DROP NOT NULL;

-- The term each record class had when the registry's dates were last computed; a policy file with another term makes
-- the start-up recompute the dates of every document of that class not yet destroyed.
CREATE TABLE retention_policy_term (
    record_class   VARCHAR(64)  PRIMARY KEY,
    term_years     INT,
    permanent      BOOLEAN      NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL
);

-- Insert-only log: terms changed (with the dates recomputed), holds placed and released, reviews run.
CREATE TABLE retention_event (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_type      VARCHAR(32)  NOT NULL CHECK (event_type IN ('term-changed', 'date-recomputed', 'hold-placed',
                                                                'hold-released', 'review')),
    record_class    VARCHAR(64),
    document_id     UUID         REFERENCES archived_document (id),
    hold_id         UUID,
    detail          TEXT         NOT NULL,
    agent           TEXT         NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL
);

CREATE INDEX retention_event_time ON retention_event (occurred_at);

CREATE TRIGGER retention_event_insert_only BEFORE UPDATE OR DELETE ON retention_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER retention_event_no_truncate BEFORE TRUNCATE ON retention_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();

-- A hold on one document, the documents of one class in one academic year, a school's academic year, or a whole
-- school. While it is active (not released) no document it covers is eligible for destruction.
CREATE TABLE retention_hold (
    id               UUID         PRIMARY KEY,
    scope            VARCHAR(16)  NOT NULL CHECK (scope IN ('document', 'class', 'academic-year', 'school')),
    school_id        VARCHAR(64)  NOT NULL,
    academic_year    VARCHAR(9),
    class_id         VARCHAR(64),
    document_id      UUID         REFERENCES archived_document (id),
    reason           TEXT         NOT NULL CHECK (length(trim(reason)) > 0),
    placed_by        TEXT         NOT NULL,
    placed_at        TIMESTAMPTZ  NOT NULL,
    released_by      TEXT,
    released_at      TIMESTAMPTZ,
    release_reason   TEXT,
    CHECK ((scope = 'document') = (document_id IS NOT NULL)),
    CHECK (scope NOT IN ('class', 'academic-year') OR academic_year IS NOT NULL),
    CHECK ((scope = 'class') = (class_id IS NOT NULL)),
    CHECK ((released_at IS NULL) = (released_by IS NULL))
);

CREATE INDEX retention_hold_active ON retention_hold (school_id) WHERE released_at IS NULL;

-- A hold is never deleted and never changed, except that its release may be recorded once.
CREATE FUNCTION refuse_change_of_retention_hold() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' OR OLD.released_at IS NOT NULL OR NEW.id <> OLD.id OR NEW.scope <> OLD.scope
            OR NEW.school_id <> OLD.school_id OR NEW.academic_year IS DISTINCT FROM OLD.academic_year
            OR NEW.class_id IS DISTINCT FROM OLD.class_id OR NEW.document_id IS DISTINCT FROM OLD.document_id
            OR NEW.reason <> OLD.reason OR NEW.placed_by <> OLD.placed_by OR NEW.placed_at <> OLD.placed_at THEN
        RAISE EXCEPTION 'a retention hold is write-once except for its release: % refused', TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER retention_hold_write_once BEFORE UPDATE OR DELETE ON retention_hold
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_retention_hold();
CREATE TRIGGER retention_hold_no_truncate BEFORE TRUNCATE ON retention_hold
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();

-- What is left of a destroyed document: its registry entry stays (archived_document is write-once), and this row
-- says that, when, by whom and under which executed destruction act its every replica was deleted.
CREATE TABLE document_tombstone (
    document_id    UUID         PRIMARY KEY REFERENCES archived_document (id),
    act_id         UUID         NOT NULL,
    act_number     TEXT         NOT NULL,
    destroyed_at   TIMESTAMPTZ  NOT NULL,
    destroyed_by   TEXT         NOT NULL
);

CREATE TRIGGER document_tombstone_write_once BEFORE UPDATE OR DELETE ON document_tombstone
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER document_tombstone_no_truncate BEFORE TRUNCATE ON document_tombstone
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
