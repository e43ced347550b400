-- The registry journal (issue 13, archive-format/registry-journal.md): every change of every registry row is appended
-- to registry_journal by a generic row trigger, shipped in hash-chained, write-once segments to every storage location
-- under registry/journal/, from which `registry rebuild --from LOCATION` rebuilds a lost database.

-- The registry's identity: one row, also written to every location as registry/identity.json.
CREATE TABLE registry_identity (
    singleton       BOOLEAN      PRIMARY KEY DEFAULT TRUE CHECK (singleton),
    registry_id     UUID         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL
);

-- One entry per inserted, updated or deleted row of a journaled table; chain_no is given when the entry is shipped.
CREATE TABLE registry_journal (
    seq             BIGSERIAL    PRIMARY KEY,
    table_name      TEXT         NOT NULL,
    op              CHAR(1)      NOT NULL CHECK (op IN ('I', 'U', 'D')),
    row_data        JSONB        NOT NULL,
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    chain_no        BIGINT       UNIQUE
);
CREATE INDEX registry_journal_unshipped ON registry_journal (seq) WHERE chain_no IS NULL;

-- One segment object registry/journal/<first_chain_no>.jsonl: recorded before it is written, stored_at once it is in
-- every location. The newest segment's last chain number and hash continue the chain.
CREATE TABLE registry_journal_segment (
    first_chain_no  BIGINT       PRIMARY KEY,
    last_chain_no   BIGINT       NOT NULL UNIQUE,
    entries         INT          NOT NULL,
    sha256          CHAR(64)     NOT NULL,
    last_hash       CHAR(64)     NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    stored_at       TIMESTAMPTZ,
    CHECK (last_chain_no >= first_chain_no)
);

-- Content by reference (152-ФЗ: a destruction act must leave nothing readable behind): the three columns that hold a
-- journal's personal content — a frozen journal's canonical JSON, an imported class journal, a raw snapshot — are
-- journaled as "sha256:<hex>" of their bytes; the shipper writes the bytes once as registry/content/<hex> in every
-- location, and destroys that object when destruction empties the column (registry_journal_content_purge).
CREATE FUNCTION registry_journal_content_column(tbl TEXT) RETURNS TEXT AS $$
    SELECT CASE tbl WHEN 'frozen_journal' THEN 'canonical_json' WHEN 'snapshot_import_class' THEN 'journal_json'
                    WHEN 'snapshot_import' THEN 'raw_gzip' END;
$$ LANGUAGE sql IMMUTABLE;

-- A row as journaled: the whole row as jsonb (to_jsonb keeps every column, bytea as \x hex), its content column (if
-- any, and not empty) replaced by the content's SHA-256 reference.
CREATE FUNCTION registry_journal_row(tbl TEXT, r JSONB) RETURNS JSONB AS $$
DECLARE
    col TEXT := registry_journal_content_column(tbl);
BEGIN
    IF col IS NULL OR r->>col IS NULL OR r->>col = '\x' THEN
        RETURN r;
    END IF;
    RETURN jsonb_set(r, ARRAY[col],
                     to_jsonb('sha256:' || encode(sha256(decode(substr(r->>col, 3), 'hex')), 'hex')));
END;
$$ LANGUAGE plpgsql IMMUTABLE;

-- Contents emptied or deleted in the registry (a destruction act's purge): their registry/content/ objects are
-- destroyed in every location by the next shipping.
CREATE TABLE registry_journal_content_purge (
    sha256          CHAR(64)     PRIMARY KEY,
    recorded_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE FUNCTION registry_journal_capture() RETURNS trigger AS $$
DECLARE
    col TEXT := registry_journal_content_column(TG_TABLE_NAME);
    old_content TEXT;
    new_row JSONB;
BEGIN
    IF TG_OP <> 'INSERT' AND col IS NOT NULL THEN
        old_content := to_jsonb(OLD)->>col;
    END IF;
    IF TG_OP = 'DELETE' THEN
        new_row := NULL;
    ELSE
        new_row := to_jsonb(NEW);
    END IF;
    -- A content emptied or deleted (compared as text: hashed only when it goes, not on every status update).
    IF old_content IS NOT NULL AND old_content <> '\x' AND old_content IS DISTINCT FROM new_row->>col THEN
        INSERT INTO registry_journal_content_purge (sha256)
            VALUES (encode(sha256(decode(substr(old_content, 3), 'hex')), 'hex')) ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP = 'DELETE' THEN
        INSERT INTO registry_journal (table_name, op, row_data)
            VALUES (TG_TABLE_NAME, 'D', registry_journal_row(TG_TABLE_NAME, to_jsonb(OLD)));
        RETURN OLD;
    END IF;
    INSERT INTO registry_journal (table_name, op, row_data)
        VALUES (TG_TABLE_NAME, CASE TG_OP WHEN 'INSERT' THEN 'I' ELSE 'U' END,
                registry_journal_row(TG_TABLE_NAME, new_row));
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- The tables never journaled: Flyway's and Spring Batch's own (operational, rebuilt by running again), the journal's,
-- and the search index.
CREATE FUNCTION registry_journal_excluded(name TEXT) RETURNS BOOLEAN AS $$
    SELECT name = 'flyway_schema_history' OR name LIKE 'batch\_%' OR name LIKE 'registry\_journal%'
        OR name = 'registry_identity'
        -- the search index: pupils' names, derived from the frozen journals and statements, rebuilt by `search
        -- reindex` after a rebuild; journaling it would keep destroyed journals' names for ever
        OR name IN ('pupil_name', 'pupil_name_word', 'pupil_occurrence');
$$ LANGUAGE sql IMMUTABLE;

-- Installs the capture trigger on every table of the schema that lacks it, parents before children (foreign-key
-- order), first journaling the rows the table already holds (one I entry per row): a table without the trigger has
-- never been journaled. Idempotent; called by this migration and by the afterMigrate callback, so that tables created
-- by later migrations are journaled without anyone remembering to.
CREATE FUNCTION registry_journal_install() RETURNS INT AS $$
DECLARE
    t RECORD;
    installed INT := 0;
BEGIN
    FOR t IN
        WITH RECURSIVE tables AS (
            SELECT c.oid, c.relname::TEXT AS name FROM pg_class c
            WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p')
              AND NOT registry_journal_excluded(c.relname::TEXT)
        ), depth (oid, level) AS (
            SELECT oid, 0 FROM tables
            UNION ALL
            SELECT fk.conrelid, d.level + 1 FROM depth d
            JOIN pg_constraint fk ON fk.contype = 'f' AND fk.confrelid = d.oid AND fk.conrelid <> d.oid
            WHERE d.level < 50
        )
        SELECT tables.name, max(depth.level) AS level FROM tables JOIN depth ON depth.oid = tables.oid
        WHERE NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = tables.oid
                          AND g.tgname = 'registry_journal_capture')
        GROUP BY tables.name ORDER BY level, tables.name
    LOOP
        EXECUTE format('INSERT INTO registry_journal (table_name, op, row_data) SELECT %L, ''I'', '
                       'registry_journal_row(%L, to_jsonb(r)) FROM %I r', t.name, t.name, t.name);
        EXECUTE format('CREATE TRIGGER registry_journal_capture AFTER INSERT OR UPDATE OR DELETE ON %I '
                       'FOR EACH ROW EXECUTE FUNCTION registry_journal_capture()', t.name);
        installed := installed + 1;
    END LOOP;
    RETURN installed;
END;
$$ LANGUAGE plpgsql;

SELECT registry_journal_install();
