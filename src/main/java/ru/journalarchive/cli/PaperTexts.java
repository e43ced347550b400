package ru.journalarchive.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import ru.journalarchive.papercopies.PaperCopies;
import ru.journalarchive.papercopies.PaperCopy;
import ru.journalarchive.papercopies.PaperCustody;
import ru.journalarchive.papercopies.PaperCopyException;
import ru.journalarchive.papercopies.PaperStep;

/** The Russian lines the paper-copy commands print: a copy, its steps, refusals. */
@Component
class PaperTexts {

    /** Exit code of refused input or a refused step. */
    static final int REFUSED = 2;

    private final Messages messages;
    private final PaperCopies copies;
    private final PaperCustody custody;

    PaperTexts(Messages messages, PaperCopies copies, PaperCustody custody) {
        this.messages = messages;
        this.copies = copies;
        this.custody = custody;
    }

    /**
     * Where a copy is kept when the school's copies stay with the group's class teacher (003 §5.5), or null when
     * they are kept in the registry.
     */
    String custody(PaperCopy copy) {
        return custody.of(copy).map(held -> {
            if (copy.state().compareTo(PaperStep.TRANSFERRED_TO_ARCHIVE) >= 0) {
                return messages.get("paper.custody.transferred", held.group());
            }
            String teacher = held.classTeacher() == null ? "—" : held.classTeacher();
            return held.graduatedOn() == null ? messages.get("paper.custody.classTeacher", held.group(), teacher)
                    : messages.get("paper.custody.toTransfer", held.group(), teacher,
                            PaperInput.shown(held.graduatedOn()));
        }).orElse(null);
    }

    String get(String key, Object... args) {
        return messages.get(key, args);
    }

    String step(PaperStep step) {
        return messages.get("paper.step." + step.code());
    }

    /** «копия № 2 (1a2b3c4d): 5А, 2 четверть 2024/2025, школа sosh-7» */
    String copy(PaperCopy copy) {
        PaperCopy.Document d = copy.document();
        return messages.get("paper.copy", String.valueOf(copy.copyNumber()), copy.id().toString().substring(0, 8),
                d.className(), period(d.periodId()), d.academicYear(), d.schoolId());
    }

    /** «2 четверть» for Q2; the id itself for a period without a name. */
    String period(String periodId) {
        return orDefault("paper.period." + periodId, periodId);
    }

    /** «5А класс» in a school, «группа ТМ-11» in a college (seed 003). */
    String unit(String className, boolean college) {
        return messages.get(college ? "paper.unit.college" : "paper.unit.school", className);
    }

    /** «1 семестр» for a college's H1, else as {@link #period(String)}. */
    String period(String periodId, boolean college) {
        return college ? orDefault("paper.period.college." + periodId, period(periodId)) : period(periodId);
    }

    /** «классный журнал» for class-journal; the type itself for a type without a name. */
    String documentType(String type) {
        return orDefault("paper.documentType." + type, type);
    }

    private String orDefault(String key, String fallback) {
        try {
            return messages.get(key);
        } catch (org.springframework.context.NoSuchMessageException e) {
            return fallback;
        }
    }

    /** The command that records the next step of a copy, or null when there is none. */
    String nextCommand(PaperCopy copy) {
        PaperStep effective = copies.routine(copy).effective(copy);
        if (effective == PaperStep.PRINTED && copies.routine(copy).has(PaperStep.SUBJECT_SIGNED)) {
            return messages.get("paper.next.signSubject", copy.id().toString().substring(0, 8),
                    copy.missingSignatures().stream().map(s -> s.subjectName() + " (--subject " + s.subjectId()
                            + (s.teacherId().isEmpty() ? "" : " --teacher " + s.teacherId()) + ")")
                            .collect(Collectors.joining(", ")));
        }
        return copies.nextStep(copy).filter(n -> n != PaperStep.DESTROYED || copy.state() == PaperStep.TRANSFERRED_TO_ARCHIVE)
                .map(n -> messages.get("paper.next", step(n), messages.get("paper.command." + n.code()),
                        copy.id().toString().substring(0, 8)))
                .orElse(null);
    }

    /** One history line of a copy. */
    String event(PaperCopy copy, PaperCopy.Event e) {
        StringBuilder line = new StringBuilder(messages.get("paper.event", PaperInput.shown(e.performedAt()), step(e.step()),
                e.performedBy(), e.recordedBy(), PaperInput.shown(e.recordedAt())));
        if (e.subjectId() != null) {
            String subject = copy.signers().stream().filter(s -> s.subjectId().equals(e.subjectId())).findFirst()
                    .map(PaperCopy.Signer::subjectName).orElse(e.subjectId());
            line.append("; ").append(messages.get("paper.detail.subject", subject));
        }
        if (e.sheets() != null) {
            line.append("; ").append(messages.get("paper.detail.sheets", e.sheets()));
        }
        if (e.room() != null) {
            line.append("; ").append(messages.get("paper.detail.place", e.room(), e.cabinet(), e.shelf(), e.box(),
                    e.nomenclatureIndex()));
        }
        if (e.actNumber() != null) {
            line.append("; ").append(messages.get("paper.detail.act", e.actNumber()));
        }
        if (e.note() != null) {
            line.append("; ").append(messages.get("paper.detail.note", e.note()));
        }
        return line.toString();
    }

    /** Prints a refused step and returns {@link #REFUSED}. */
    int refused(PaperCopyException e) {
        Object[] args = e.args();
        for (int i = 0; i < args.length; i++) {
            args[i] = shownArg(args[i]);
        }
        System.err.println(messages.get(e.messageKey(), args));
        return REFUSED;
    }

    /** Prints refused input and returns {@link #REFUSED}. */
    int refused(PaperInput.Refused e) {
        System.err.println(messages.get(e.key(), e.args()));
        return REFUSED;
    }

    private Object shownArg(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof Instant instant) {
            return PaperInput.shown(instant);
        }
        if (value instanceof LocalDate date) {
            return PaperInput.shown(date);
        }
        if (value instanceof String s) {
            return PaperStep.of(s).map(this::step).orElse(s);
        }
        return value.toString();
    }
}
