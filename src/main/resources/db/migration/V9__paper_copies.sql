-- Paper copies of archived documents (000 §4: the period's journal printed, signed by the subject teachers, certified
-- by the class teacher, accepted by the deputy, signed and sealed by the director; 002 §1.1.5: bound by 30 June) and
-- the insert-only log of every step of each copy, up to its placing, transfer to the archive and destruction.

-- One printed copy of a document. Its state is the last step completed; it only moves forward (trigger below).
CREATE TABLE paper_copy (
    id              UUID         PRIMARY KEY,
    document_id     UUID         NOT NULL REFERENCES archived_document (id),
    copy_number     INT          NOT NULL CHECK (copy_number > 0),
    state           VARCHAR(32)  NOT NULL CHECK (state IN ('printed', 'subject-signed', 'class-teacher-certified',
                                     'deputy-accepted', 'director-signed-sealed', 'bound-numbered', 'placed',
                                     'transferred-to-archive', 'destroyed')),
    sheets          INT          NOT NULL CHECK (sheets > 0),
    class_teacher   TEXT,
    director        TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    UNIQUE (document_id, copy_number)
);

-- The subject teachers who must sign a copy (one per subject and teacher of the journal's sheets), fixed when printed.
CREATE TABLE paper_copy_signer (
    copy_id         UUID         NOT NULL REFERENCES paper_copy (id),
    subject_id      VARCHAR(64)  NOT NULL,
    teacher_id      VARCHAR(64)  NOT NULL,
    subject_name    TEXT         NOT NULL,
    teacher_name    TEXT         NOT NULL,
    PRIMARY KEY (copy_id, subject_id, teacher_id)
);

-- Every step of a copy: what, by whom and when it was done, who recorded it, and the step's details.
CREATE TABLE paper_copy_event (
    id                  BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    copy_id             UUID         NOT NULL REFERENCES paper_copy (id),
    step                VARCHAR(32)  NOT NULL CHECK (step IN ('printed', 'subject-signed', 'class-teacher-certified',
                                         'deputy-accepted', 'director-signed-sealed', 'bound-numbered', 'placed',
                                         'transferred-to-archive', 'destroyed')),
    performed_by        TEXT         NOT NULL CHECK (length(trim(performed_by)) > 0),
    performed_at        TIMESTAMPTZ  NOT NULL,
    recorded_by         TEXT         NOT NULL,
    recorded_at         TIMESTAMPTZ  NOT NULL,
    sheets              INT          CHECK (sheets > 0),
    subject_id          VARCHAR(64),
    teacher_id          VARCHAR(64),
    room                TEXT,
    cabinet             TEXT,
    shelf               TEXT,
    box                 TEXT,
    nomenclature_index  TEXT,
    act_number          TEXT,
    note                TEXT,
    CHECK ((step = 'subject-signed') = (subject_id IS NOT NULL)),
    CHECK (step NOT IN ('printed', 'bound-numbered') OR sheets IS NOT NULL),
    CHECK (step <> 'placed' OR (room IS NOT NULL AND cabinet IS NOT NULL AND shelf IS NOT NULL AND box IS NOT NULL
                                AND nomenclature_index IS NOT NULL)),
    CHECK (step <> 'destroyed' OR act_number IS NOT NULL)
);

-- Each step once per copy (a subject's signature once per subject and teacher).
CREATE UNIQUE INDEX paper_copy_event_once ON paper_copy_event (copy_id, step, coalesce(subject_id, ''),
                                                              coalesce(teacher_id, ''));
CREATE INDEX paper_copy_document ON paper_copy (document_id);

CREATE TRIGGER paper_copy_event_insert_only BEFORE UPDATE OR DELETE ON paper_copy_event
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER paper_copy_event_no_truncate BEFORE TRUNCATE ON paper_copy_event
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
CREATE TRIGGER paper_copy_signer_write_once BEFORE UPDATE OR DELETE ON paper_copy_signer
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER paper_copy_signer_no_truncate BEFORE TRUNCATE ON paper_copy_signer
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();

-- A copy is never deleted; of its row only the state changes, and only forward through the steps.
CREATE FUNCTION refuse_change_of_paper_copy() RETURNS trigger AS $$
DECLARE
    steps TEXT[] := ARRAY['printed', 'subject-signed', 'class-teacher-certified', 'deputy-accepted',
                          'director-signed-sealed', 'bound-numbered', 'placed', 'transferred-to-archive', 'destroyed'];
BEGIN
    IF TG_OP = 'DELETE' OR NEW.id <> OLD.id OR NEW.document_id <> OLD.document_id
            OR NEW.copy_number <> OLD.copy_number OR NEW.sheets <> OLD.sheets
            OR NEW.class_teacher IS DISTINCT FROM OLD.class_teacher OR NEW.director IS DISTINCT FROM OLD.director
            OR NEW.created_at <> OLD.created_at
            OR array_position(steps, NEW.state::text) <= array_position(steps, OLD.state::text) THEN
        RAISE EXCEPTION 'a paper copy only moves forward through its steps: % refused', TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER paper_copy_forward_only BEFORE UPDATE OR DELETE ON paper_copy
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_paper_copy();
CREATE TRIGGER paper_copy_no_truncate BEFORE TRUNCATE ON paper_copy
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
