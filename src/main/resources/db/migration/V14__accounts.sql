-- Issue 7, first slice: staff accounts and journal systems' API keys; logins, failures and uploads in the access log.
-- Accounts are operational data, not archived records: their counters and lock change in place (UPDATE allowed).

CREATE TABLE app_user (
    login            VARCHAR(64)  PRIMARY KEY CHECK (login ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    -- A DelegatingPasswordEncoder hash with its {id} prefix ({bcrypt}…); never the password.
    password_hash    TEXT         NOT NULL CHECK (password_hash LIKE '{%}%'),
    role             VARCHAR(16)  NOT NULL CHECK (role IN ('DEPUTY', 'DIRECTOR', 'ARCHIVIST', 'IT_ADMIN')),
    failed_attempts  INT          NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    locked_until     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL
);

-- The schools a user may see (one service may serve a whole municipality).
CREATE TABLE app_user_school (
    login            VARCHAR(64)  NOT NULL REFERENCES app_user (login),
    school_id        VARCHAR(64)  NOT NULL,
    PRIMARY KEY (login, school_id)
);

-- A journal system's key, bound to one school. Only the SHA-256 of the key is kept (the key is 256 random bits,
-- so a fast hash is enough); the key itself is printed once when created.
CREATE TABLE api_key (
    id               UUID         PRIMARY KEY,
    name             VARCHAR(100) NOT NULL CHECK (length(trim(name)) > 0),
    school_id        VARCHAR(64)  NOT NULL,
    key_sha256       CHAR(64)     NOT NULL UNIQUE,
    created_at       TIMESTAMPTZ  NOT NULL,
    UNIQUE (school_id, name)
);

ALTER TABLE access_log DROP CONSTRAINT access_log_action_check;
ALTER TABLE access_log ADD CONSTRAINT access_log_action_check CHECK (action IN ('search', 'open', 'retrieve',
    'retrieve-failed', 'extract', 'correct', 'login', 'login-failed', 'locked-out', 'upload', 'upload-rejected',
    'status', 'list'));
