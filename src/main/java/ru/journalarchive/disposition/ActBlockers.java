package ru.journalarchive.disposition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registry.Tombstones;
import ru.journalarchive.retention.Hold;
import ru.journalarchive.retention.Holds;
import ru.journalarchive.retention.RetentionPolicies;

/**
 * What keeps documents out of a destruction act, checked when the act is drafted and again when it is executed: an
 * active hold, the ЭПК mark, an earlier destruction, another open act, or (at execution) a term not expired by 1 January of the act's
 * year.
 */
@Component
class ActBlockers {

    private final DocumentRegistry registry;
    private final Tombstones tombstones;
    private final Holds holds;
    private final RetentionPolicies policies;
    private final ActRepository acts;

    ActBlockers(DocumentRegistry registry, Tombstones tombstones, Holds holds, RetentionPolicies policies,
            ActRepository acts) {
        this.registry = registry;
        this.tombstones = tombstones;
        this.holds = holds;
        this.policies = policies;
        this.acts = acts;
    }

    /** One line per blocked document, in Russian; empty when every document may be destroyed. */
    List<String> of(Collection<UUID> documentIds, UUID actId, LocalDate today) {
        List<String> blockers = new ArrayList<>();
        for (UUID id : documentIds) {
            ArchivedDocument d = registry.get(id);
            Object[] who = {id, d.documentType(), d.academicYear(), d.className()};
            List<Hold> active = holds.activeCovering(id);
            if (!active.isEmpty()) {
                blockers.add(line("blocker.held", who, active.get(0).reason()));
            }
            if (isEpk(d.retention().recordClass())) {
                blockers.add(line("blocker.epk", who));
            }
            tombstones.of(id).ifPresent(t -> blockers.add(line("blocker.destroyed", who, t.actNumber())));
            acts.otherOpenAct(id, actId).ifPresent(n -> blockers.add(line("blocker.otherAct", who, n)));
            LocalDate eligible = d.retention().eligibleForDestructionFrom();
            if (today != null && (eligible == null || eligible.isAfter(today))) {
                blockers.add(line("blocker.notYet", who, eligible == null ? DispositionMessages.get("blocker.permanent") : Dates.shown(eligible), Dates.shown(today)));
            }
        }
        return blockers;
    }

    private boolean isEpk(String recordClass) {
        try {
            return policies.get(recordClass).epk();
        } catch (IllegalArgumentException unknown) {
            return true; // a record class without a policy is never destroyed automatically
        }
    }

    private static String line(String key, Object[] who, Object... more) {
        Object[] args = new Object[who.length + more.length];
        System.arraycopy(who, 0, args, 0, who.length);
        System.arraycopy(more, 0, args, who.length, more.length);
        return "  " + DispositionMessages.get(key, args);
    }
}
