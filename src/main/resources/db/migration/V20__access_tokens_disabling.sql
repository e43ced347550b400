-- Issue 13, access: staff accounts can be disabled, journal systems' API keys revoked, and staff API clients use
-- personal access tokens (only the SHA-256 kept, as for API keys); each of these is recorded in the access log.

ALTER TABLE app_user ADD COLUMN disabled_at TIMESTAMPTZ;

ALTER TABLE api_key ADD COLUMN revoked_at TIMESTAMPTZ;

-- A staff member's personal access token for an API client (Authorization: Bearer …). The token is 256 random bits,
-- printed once; a fast hash is enough and makes every request one indexed lookup instead of a bcrypt check.
CREATE TABLE personal_token (
    id               UUID         PRIMARY KEY,
    login            VARCHAR(64)  NOT NULL REFERENCES app_user (login),
    name             VARCHAR(100) NOT NULL CHECK (length(trim(name)) > 0),
    token_sha256     CHAR(64)     NOT NULL UNIQUE,
    created_at       TIMESTAMPTZ  NOT NULL,
    expires_at       TIMESTAMPTZ  NOT NULL CHECK (expires_at > created_at),
    revoked_at       TIMESTAMPTZ,
    UNIQUE (login, name)
);

ALTER TABLE access_log DROP CONSTRAINT access_log_action_check;
ALTER TABLE access_log ADD CONSTRAINT access_log_action_check CHECK (action IN ('search', 'open', 'retrieve',
    'retrieve-failed', 'extract', 'correct', 'login', 'login-failed', 'locked-out', 'upload', 'upload-rejected',
    'status', 'list', 'view', 'logout', 'action', 'denied', 'throttled', 'token-created', 'token-revoked',
    'user-disabled', 'user-enabled', 'api-key-revoked'));
