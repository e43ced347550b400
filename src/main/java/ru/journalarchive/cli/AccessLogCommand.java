package ru.journalarchive.cli;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.accesslog.AccessLog;
import ru.journalarchive.accesslog.AccessLogEntry;
import tools.jackson.databind.json.JsonMapper;

/** {@code access-log}: prints the access log (who searched, retrieved, extracted or corrected what, when, why). */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "access-log", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-search")
class AccessLogCommand implements Callable<Integer> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Option(names = "--since", descriptionKey = "accessLog.since")
    String since;
    @Option(names = "--document", descriptionKey = "accessLog.document")
    String document;
    @Option(names = "--json", descriptionKey = "accessLog.json")
    boolean json;

    private final AccessLog accessLog;
    private final Messages messages;

    AccessLogCommand(AccessLog accessLog, Messages messages) {
        this.accessLog = accessLog;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        LocalDate from = null;
        UUID documentId = null;
        try {
            from = since == null ? null : LocalDate.parse(since.strip());
        } catch (DateTimeParseException e) {
            System.err.println(messages.get("accessLog.error.since", since));
            return SearchCommand.BAD_INPUT;
        }
        try {
            documentId = document == null ? null : UUID.fromString(document.strip());
        } catch (IllegalArgumentException e) {
            System.err.println(messages.get("accessLog.error.document", document));
            return SearchCommand.BAD_INPUT;
        }
        // A date is a day at the archive's place: the log's moments are shown and compared in the local zone.
        ZoneId zone = ZoneId.systemDefault();
        List<AccessLogEntry> entries = accessLog.list(from == null ? null : from.atStartOfDay(zone).toInstant(),
                documentId);
        for (AccessLogEntry e : entries) {
            var a = e.entry();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id());
                m.put("occurredAt", e.occurredAt().toString());
                m.put("actor", a.actor());
                m.put("action", a.action().code());
                m.put("documentId", a.documentId() == null ? null : a.documentId().toString());
                m.put("query", a.queryText());
                m.put("resultCount", a.resultCount());
                m.put("purpose", a.purpose());
                m.put("requester", a.requester());
                m.put("detail", a.detail());
                System.out.println(JSON.writeValueAsString(m));
            } else {
                System.out.println(messages.get("accessLog.line", e.id(), e.occurredAt().atZone(zone).toLocalDateTime()
                                .withNano(0).toString(), a.actor(), messages.get("accessLog.action." + a.action().name()),
                        a.documentId() == null ? (a.queryText() == null ? "—" : a.queryText()) : a.documentId().toString(),
                        a.resultCount() == null ? "—" : a.resultCount().toString(), nz(a.purpose()), nz(a.requester())));
            }
        }
        if (!json) {
            System.out.println(messages.get("accessLog.total", entries.size()));
        }
        return 0;
    }

    private static String nz(String s) {
        return s == null ? "—" : s;
    }
}
