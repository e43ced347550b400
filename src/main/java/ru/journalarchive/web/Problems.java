package ru.journalarchive.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds the API's RFC 9457 problem details; each type is described in {@code archive-format/api.md}. */
final class Problems {

    static final String BASE = "https://journal-archive.example/problems/";

    private Problems() {
    }

    static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** A problem about one field: {@code errors: [{field, reason}]}. */
    static ProblemDetail field(HttpStatus status, String type, String title, String field, String reason) {
        ProblemDetail problem = of(status, type, title, reason);
        problem.setProperty("errors", List.of(Map.of("field", field, "reason", reason)));
        return problem;
    }
}
