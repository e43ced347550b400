package ru.journalarchive.security;

import java.util.Set;

/**
 * Who is calling, once authenticated: a staff member (with a role) or a journal system (an API key, no role), and the
 * schools the caller may see.
 *
 * @param name    the login, or {@code api-key:<school>/<name>} for a journal system; what the access log records
 * @param role    the staff member's role, or null for a journal system
 * @param schools the school ids the caller may see
 */
public record Caller(String name, Role role, Set<String> schools) {

    public Caller {
        schools = Set.copyOf(schools);
    }

    /** Whether this is a journal system authenticated by an API key. */
    public boolean journalSystem() {
        return role == null;
    }

    /** Whether the caller may see this school's data. */
    public boolean maySee(String schoolId) {
        return schools.contains(schoolId);
    }
}
