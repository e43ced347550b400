package ru.journalarchive.disposition;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.journalarchive.retention.RetentionReview;
import ru.journalarchive.retention.RetentionReviewResult;
import ru.journalarchive.retention.ReviewFile;
import ru.journalarchive.retention.ReviewGroup;

/**
 * The workflow of destruction acts: drafted from the annual review, agreed by the expert commission (protocol number
 * and date), approved by the director (rendered as PDF/A, stored, registered and signed). Out-of-order steps are
 * refused with a Russian {@link DispositionException}; execution is {@code dispositionJob}'s ({@link Disposition}).
 */
@Service
public class DestructionActs {

    private final ActRepository acts;
    private final RetentionReview review;
    private final ActBlockers blockers;
    private final ActPublisher publisher;
    private final DispositionProperties properties;
    private final Clock clock;

    DestructionActs(ActRepository acts, RetentionReview review, ActBlockers blockers, ActPublisher publisher,
            DispositionProperties properties, Optional<Clock> clock) {
        this.acts = acts;
        this.review = review;
        this.blockers = blockers;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /**
     * Drafts the school's act for {@code year} from the review of that year: every file whose term expired by 1 January
     * of the year, not held, not ЭПК, not destroyed and in no other open act.
     *
     * @param actDate the act's date, in {@code year}; null for today
     * @param basis   «На основании …»; null for the configured default
     */
    @Transactional
    public DestructionAct draft(String schoolId, int year, LocalDate actDate, String by, String basis) {
        require("--school", schoolId);
        require("--by", by);
        LocalDate today = LocalDate.now(clock);
        LocalDate date = actDate == null ? today : actDate;
        if (date.getYear() != year) {
            throw new DispositionException("act.year.invalid", year, Dates.shown(date));
        }
        if (today.isBefore(LocalDate.of(year, 1, 1))) {
            throw new DispositionException("act.year.future", year);
        }
        RetentionReviewResult result = review.review(year, schoolId);
        // Files already in another open act stay there; the new act takes the rest.
        List<DestructionAct.Row> rows = ActRows.of(notInOtherOpenActs(result.eligible()));
        if (rows.isEmpty()) {
            throw new DispositionException("act.empty", year, schoolId);
        }
        List<String> blocked = blockers.of(rows.stream().flatMap(r -> r.documentIds().stream()).toList(), null, null);
        if (!blocked.isEmpty()) {
            throw new DispositionException("act.blocked.draft", String.join("\n", blocked));
        }
        int seq = acts.nextSeq(schoolId, year);
        DestructionAct act = new DestructionAct(UUID.randomUUID(), schoolId, year, seq, seq + "/" + year, date,
                publisher.organisation(schoolId), basis == null || basis.isBlank() ? properties.basis() : basis.strip(),
                ActStatus.DRAFT, by.strip(), clock.instant(), null, null, null, null, null, null, null, null, null,
                null, null, null, rows);
        acts.insert(act);
        return get(act.id());
    }

    /** Records the expert commission's agreement (protocol number and date); only a draft can be agreed. */
    @Transactional
    public DestructionAct agree(String ref, String protocolNumber, LocalDate protocolDate, String by) {
        require("--protocol", protocolNumber);
        require("--by", by);
        DestructionAct act = find(ref);
        requireStatus(act, ActStatus.DRAFT, "act.step.agree");
        if (protocolDate.isBefore(act.actDate())) {
            throw new DispositionException("act.protocolDate.beforeAct", Dates.shown(protocolDate),
                    Dates.shown(act.actDate()));
        }
        if (protocolDate.isAfter(LocalDate.now(clock))) {
            throw new DispositionException("act.protocolDate.afterApproval", Dates.shown(protocolDate),
                    Dates.shown(LocalDate.now(clock)));
        }
        acts.agree(act.id(), protocolNumber.strip(), protocolDate, by.strip(), clock.instant());
        return get(act.id());
    }

    /**
     * The director's approval: renders the act as PDF/A, stores it in every location, registers it (document type
     * {@code destruction-act}) and signs it with the director's signature; only an agreed act can be approved. A
     * repeated call on an approved act finishes an interrupted publication.
     */
    public DestructionAct approve(String ref, String by) {
        require("--by", by);
        DestructionAct act = find(ref);
        if (act.status() == ActStatus.AGREED) {
            // What may have changed since the draft (a hold placed, a term lengthened) is checked before signing.
            List<String> blocked = blockers.of(act.documentIds(), act.id(), LocalDate.of(act.year(), 1, 1));
            if (!blocked.isEmpty()) {
                throw new DispositionException("act.blocked.approve", act.number(), blocked.size(),
                        String.join("\n", blocked));
            }
            acts.approve(act.id(), by.strip(), properties.directorPosition(), clock.instant());
            act = get(act.id());
        } else if (act.status() != ActStatus.APPROVED || act.documentId() != null) {
            throw wrongStatus(act, "act.step.approve");
        }
        UUID documentId = publisher.publishAndSign(act);
        acts.attachDocument(act.id(), documentId);
        return get(act.id());
    }

    /**
     * What would stop the act's approval or execution now (an active hold, the ЭПК mark, another open act, a term not
     * expired by 1 January of the act's year), one Russian line per blocked document; empty when nothing blocks it.
     */
    public List<String> blockers(DestructionAct act) {
        return blockers.of(act.documentIds(), act.id(), LocalDate.of(act.year(), 1, 1)).stream()
                .map(String::strip).toList();
    }

    private List<ReviewGroup> notInOtherOpenActs(List<ReviewGroup> groups) {
        List<ReviewGroup> kept = new java.util.ArrayList<>();
        for (ReviewGroup g : groups) {
            List<ReviewFile> files = g.files().stream().filter(f -> f.documentIds().stream()
                    .allMatch(id -> acts.otherOpenAct(id, null).isEmpty())).toList();
            if (!files.isEmpty()) {
                List<String> years = files.stream().map(ReviewFile::academicYear).sorted().toList();
                kept.add(new ReviewGroup(g.schoolId(), g.recordClass(), g.title(), g.nomenclatureIndex(),
                        g.termYears(), g.federalListArticle(), years.get(0), years.get(years.size() - 1), files));
            }
        }
        return kept;
    }

    /**
     * Cancels a draft or an agreed act (an approved act is a signed record already and cannot be cancelled), recording
     * who, when and why; its documents become free for another act.
     *
     * @throws DispositionException naming the field: a blank {@code --reason} or {@code --by}, an unknown act, or an
     *                              act approved, executing, executed or already cancelled
     */
    @Transactional
    public DestructionAct cancel(String ref, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new DispositionException("act.cancel.reason");
        }
        if (by == null || by.isBlank()) {
            throw new DispositionException("act.cancel.by");
        }
        DestructionAct act = find(ref);
        if (act.status() != ActStatus.DRAFT && act.status() != ActStatus.AGREED) {
            throw wrongStatus(act, "act.step.cancel");
        }
        acts.cancel(act.id(), by.strip(), reason.strip(), clock.instant());
        return get(act.id());
    }

    /** Who cancelled the act, when and why; empty unless it is cancelled. */
    public Optional<Cancellation> cancellation(UUID actId) {
        return acts.cancellation(actId);
    }

    /** An act by id or number. */
    public DestructionAct find(String ref) {
        require("--act", ref);
        String value = ref.strip();
        try {
            UUID id = UUID.fromString(value);
            return acts.get(id).orElseThrow(() -> new DispositionException("act.unknown", value));
        } catch (IllegalArgumentException notUuid) {
            List<DestructionAct> found = acts.byNumber(value);
            if (found.isEmpty()) {
                throw new DispositionException("act.unknown", value);
            }
            if (found.size() > 1) {
                throw new DispositionException("act.ambiguous", value,
                        String.join(", ", found.stream().map(DestructionAct::schoolId).toList()));
            }
            return found.get(0);
        }
    }

    /** The acts of a school (null: all), by year and number. */
    public List<DestructionAct> list(String schoolIdOrNull) {
        return acts.list(schoolIdOrNull);
    }

    DestructionAct get(UUID id) {
        return acts.get(id).orElseThrow();
    }

    static void requireStatus(DestructionAct act, ActStatus expected, String step) {
        if (act.status() != expected) {
            throw wrongStatus(act, step);
        }
    }

    static DispositionException wrongStatus(DestructionAct act, String step) {
        return new DispositionException("act.wrongStatus", act.number(), act.status().russian(),
                DispositionMessages.get(step));
    }

    private static void require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new DispositionException("act.field.blank", field);
        }
    }

    /** Now, for the other classes of the module. */
    Instant now() {
        return clock.instant();
    }
}
