-- The archivist's search index (pupil occurrences and their normalised name words), the insert-only access log, and
-- authorised corrections of frozen journals (new versions with a reason and an authorising person).

-- One pupil named in one archived document (a class journal, a summary statement …). Derived data: rebuilt from the
-- registry by `search reindex`; the document's school, year, class, period, type and version are copied here so that
-- a search needs no join. name_normalised: lower case, ё→е, whitespace collapsed, trimmed (see archive-format/search-index.md).
CREATE TABLE pupil_occurrence (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id      UUID         NOT NULL REFERENCES archived_document (id),
    document_type    VARCHAR(40)  NOT NULL,
    school_id        VARCHAR(64)  NOT NULL,
    academic_year    VARCHAR(9)   NOT NULL,
    class_id         VARCHAR(64)  NOT NULL,
    class_name       TEXT         NOT NULL,
    period_id        VARCHAR(16)  NOT NULL,
    version          INT          NOT NULL,
    pupil_id         TEXT         NOT NULL,
    full_name        TEXT         NOT NULL,
    name_normalised  TEXT         NOT NULL,
    UNIQUE (document_id, pupil_id)
);

CREATE INDEX pupil_occurrence_place ON pupil_occurrence (school_id, academic_year, class_id, period_id);
CREATE INDEX pupil_occurrence_year ON pupil_occurrence (academic_year, school_id);

-- Every word of a normalised name (split at spaces and hyphens), for prefix search through a btree range scan:
-- COLLATE "C" orders by code point, so word >= 'семен' AND word < 'семео' is exactly "starts with семен".
CREATE TABLE pupil_name_word (
    word             TEXT COLLATE "C" NOT NULL,
    occurrence_id    BIGINT       NOT NULL REFERENCES pupil_occurrence (id),
    PRIMARY KEY (word, occurrence_id)
);

-- The access log (record class `access-log`): every search, search result opened, document retrieved and extract
-- produced — who, when, what, why, for whom. Insert-only: UPDATE, DELETE and TRUNCATE are refused.
CREATE TABLE access_log (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    actor            TEXT         NOT NULL CHECK (length(trim(actor)) > 0),
    action           VARCHAR(32)  NOT NULL CHECK (action IN ('search', 'open', 'retrieve', 'retrieve-failed',
                                                              'extract', 'correct')),
    document_id      UUID         REFERENCES archived_document (id),
    query_text       TEXT,
    result_count     INT,
    purpose          TEXT,
    requester        TEXT,
    detail           TEXT
);

CREATE INDEX access_log_time ON access_log (occurred_at);
CREATE INDEX access_log_document ON access_log (document_id, occurred_at);

CREATE TRIGGER access_log_insert_only BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();

-- An authorised correction of a frozen period journal: the refused retroactive change it accepts, the reason, who
-- authorised it, who made it and when, the version it supersedes and the version it creates (frozen_journal and
-- archived_document rows of that version), and the changes (old → new). Written once, in the same transaction as the
-- new frozen version, before anything is rendered: a restarted correction renders the same note.
CREATE TABLE journal_correction (
    id                     UUID         PRIMARY KEY,
    retroactive_change_id  UUID         NOT NULL UNIQUE REFERENCES retroactive_change (id),
    import_id              UUID         NOT NULL REFERENCES snapshot_import (id),
    school_id              VARCHAR(64)  NOT NULL,
    academic_year          VARCHAR(9)   NOT NULL,
    class_id               VARCHAR(64)  NOT NULL,
    period_id              VARCHAR(2)   NOT NULL,
    correction_number      INT          NOT NULL CHECK (correction_number >= 1),
    old_version            INT          NOT NULL,
    new_version            INT          NOT NULL CHECK (new_version = old_version + 1),
    old_frozen_journal_id  UUID         NOT NULL REFERENCES frozen_journal (id),
    new_frozen_journal_id  UUID         NOT NULL UNIQUE REFERENCES frozen_journal (id),
    reason                 TEXT         NOT NULL CHECK (length(trim(reason)) > 0),
    authorised_by          TEXT         NOT NULL CHECK (length(trim(authorised_by)) > 0),
    corrected_by           TEXT         NOT NULL CHECK (length(trim(corrected_by)) > 0),
    corrected_at           TIMESTAMPTZ  NOT NULL,
    changes_json           TEXT         NOT NULL,
    change_count           INT          NOT NULL,
    UNIQUE (school_id, academic_year, class_id, period_id, new_version)
);

CREATE TRIGGER journal_correction_write_once BEFORE UPDATE OR DELETE ON journal_correction
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_archived_row();
CREATE TRIGGER journal_correction_no_truncate BEFORE TRUNCATE ON journal_correction
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate_of_archived_table();
