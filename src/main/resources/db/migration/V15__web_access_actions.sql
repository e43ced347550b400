-- Issue 7, the web interface: the access log records every page a staff member opens and every action taken there.
ALTER TABLE access_log DROP CONSTRAINT access_log_action_check;
ALTER TABLE access_log ADD CONSTRAINT access_log_action_check CHECK (action IN ('search', 'open', 'retrieve',
    'retrieve-failed', 'extract', 'correct', 'login', 'login-failed', 'locked-out', 'upload', 'upload-rejected',
    'status', 'list', 'view', 'logout', 'action', 'denied'));
