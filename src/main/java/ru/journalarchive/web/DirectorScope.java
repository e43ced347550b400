package ru.journalarchive.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.journalarchive.disposition.ActStatus;
import ru.journalarchive.disposition.DestructionAct;
import ru.journalarchive.disposition.DestructionActs;
import ru.journalarchive.disposition.DispositionException;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.retention.Hold;
import ru.journalarchive.retention.Holds;
import ru.journalarchive.security.Caller;

/**
 * What the director's pages may show, scoped to the director's schools: their documents awaiting signature, their
 * destruction acts and their holds; anything of another school is answered with 404, as if it did not exist.
 */
@Component
class DirectorScope {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private final DocumentRegistry registry;
    private final DestructionActs acts;
    private final Holds holds;
    private final MessageSource messages;

    DirectorScope(DocumentRegistry registry, DestructionActs acts, Holds holds, MessageSource messages) {
        this.registry = registry;
        this.acts = acts;
        this.holds = holds;
        this.messages = messages;
    }

    /** The caller's schools in a stable order. */
    static List<String> schools(Caller caller) {
        return caller.schools().stream().sorted().toList();
    }

    /** The archived documents of the caller's schools (not destroyed), in registry order. */
    List<ArchivedDocument> documents(Caller caller) {
        return schools(caller).stream()
                .flatMap(s -> registry.list(new DocumentQuery(s, null, null, null)).stream()).toList();
    }

    /** The archived documents of the caller's schools that have no signed rendition yet, in registry order. */
    List<ArchivedDocument> unsigned(Caller caller) {
        return documents(caller).stream().filter(d -> d.object(ArchivedDocument.ROLE_SIGNED_PDF).isEmpty()).toList();
    }

    /** A document of the caller's schools, or 404. */
    ArchivedDocument document(Caller caller, String id) {
        try {
            ArchivedDocument d = registry.get(UUID.fromString(id));
            if (caller.maySee(d.schoolId())) {
                return d;
            }
        } catch (IllegalArgumentException unknown) {
            // falls through to 404
        }
        throw notFound();
    }

    /** The destruction acts of the caller's schools, newest first. */
    List<DestructionAct> acts(Caller caller) {
        return schools(caller).stream().flatMap(s -> acts.list(s).stream())
                .sorted(Comparator.comparing(DestructionAct::draftedAt).reversed()).toList();
    }

    /** The acts of the caller's schools awaiting the director's approval (agreed by the expert commission). */
    List<DestructionAct> awaitingApproval(Caller caller) {
        return acts(caller).stream().filter(a -> a.status() == ActStatus.AGREED).toList();
    }

    /** An act of the caller's schools, or 404. */
    DestructionAct act(Caller caller, String id) {
        try {
            DestructionAct act = acts.find(UUID.fromString(id).toString());
            if (caller.maySee(act.schoolId())) {
                return act;
            }
        } catch (IllegalArgumentException | DispositionException unknown) {
            // falls through to 404
        }
        throw notFound();
    }

    /** The active holds of the caller's schools, oldest first. */
    List<Hold> activeHolds(Caller caller) {
        return schools(caller).stream().flatMap(s -> holds.list(s, false).stream()).toList();
    }

    /** A hold of the caller's schools, or 404. */
    Hold hold(Caller caller, String id) {
        try {
            Hold hold = holds.find(UUID.fromString(id)).orElse(null);
            if (hold != null && caller.maySee(hold.schoolId())) {
                return hold;
            }
        } catch (IllegalArgumentException malformed) {
            // falls through to 404
        }
        throw notFound();
    }

    /** The kind of a document in Russian («Классный журнал»). */
    String kind(String documentType) {
        return messages.getMessage("director.type." + documentType, null, documentType, RU);
    }

    /** A period in Russian («I четверть»). */
    String period(String periodId) {
        return messages.getMessage("director.period." + periodId, null, periodId, RU);
    }

    /** A text of the director's bundle. */
    String text(String key, Object... args) {
        return messages.getMessage(key, args, RU);
    }

    static DirectorNotFound notFound() {
        return new DirectorNotFound();
    }
}
