package ru.journalarchive.papercopies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import ru.journalarchive.regulations.RegulationProfile;

/**
 * The steps a paper copy of one document type goes through under a school's regulation profile, in order: the
 * profile's own steps (printed first), then the registry's later steps (bound, placed, transferred, destroyed) that
 * come after the profile's last one. A profile without steps (on demand) walks the registry's whole sequence. A
 * summary statement has no subject teachers' signatures.
 *
 * @param sequence the steps in order, {@link PaperStep#PRINTED} first
 */
public record PaperRoutine(List<PaperStep> sequence) {

    /** The document type of a class's summary statement of final marks. */
    public static final String SUMMARY_STATEMENT = "summary-statement";

    /** The routine of a document type under a profile. */
    public static PaperRoutine of(RegulationProfile profile, String documentType) {
        List<PaperStep> steps = new ArrayList<>();
        steps.add(PaperStep.PRINTED);
        List<RegulationProfile.PaperStepRule> rules = profile.paper().steps() == null ? List.of()
                : profile.paper().steps();
        if (rules.isEmpty()) {
            steps.clear();
            steps.addAll(Arrays.asList(PaperStep.values()));
        } else {
            for (RegulationProfile.PaperStepRule rule : rules) {
                PaperStep.of(rule.step()).filter(s -> !steps.contains(s)).ifPresent(steps::add);
            }
            steps.sort(null); // the registry's order: a profile lists its steps in it anyway
            PaperStep last = steps.get(steps.size() - 1);
            for (PaperStep later : PaperStep.values()) {
                if (later.compareTo(last) > 0) {
                    steps.add(later);
                }
            }
        }
        if (SUMMARY_STATEMENT.equals(documentType)) {
            steps.remove(PaperStep.SUBJECT_SIGNED);
        }
        return new PaperRoutine(List.copyOf(steps));
    }

    /** Whether the routine has the step. */
    public boolean has(PaperStep step) {
        return sequence.contains(step);
    }

    /**
     * The step a copy has effectively completed in this routine: a printed copy counts as signed by its subject
     * teachers once every one has signed, when the routine has that step; a state the routine does not know counts
     * as the routine's last step before it.
     */
    public PaperStep effective(PaperCopy copy) {
        PaperStep state = copy.state();
        if (state == PaperStep.PRINTED && has(PaperStep.SUBJECT_SIGNED) && copy.missingSignatures().isEmpty()) {
            return PaperStep.SUBJECT_SIGNED;
        }
        if (has(state)) {
            return state;
        }
        return sequence.stream().filter(s -> s.compareTo(state) <= 0).reduce((a, b) -> b).orElse(PaperStep.PRINTED);
    }

    /** The step after this one in the routine. */
    public Optional<PaperStep> next(PaperStep step) {
        int i = sequence.indexOf(step);
        return i < 0 || i == sequence.size() - 1 ? Optional.empty() : Optional.of(sequence.get(i + 1));
    }

    /** The step before this one in the routine. */
    public Optional<PaperStep> previous(PaperStep step) {
        int i = sequence.indexOf(step);
        return i <= 0 ? Optional.empty() : Optional.of(sequence.get(i - 1));
    }

    /** The steps the regime sets deadlines for (the profile's own), in order. */
    static List<PaperStep> deadlineSteps(RegulationProfile profile, String documentType) {
        List<PaperStep> steps = new ArrayList<>();
        for (RegulationProfile.PaperStepRule rule : profile.paper().steps() == null ? List.<RegulationProfile.PaperStepRule>of()
                : profile.paper().steps()) {
            PaperStep.of(rule.step()).filter(s -> !(SUMMARY_STATEMENT.equals(documentType)
                    && s == PaperStep.SUBJECT_SIGNED)).filter(s -> !steps.contains(s)).ifPresent(steps::add);
        }
        return steps;
    }

    /** The day of the regime's schedule a step is due on (period end + day), or null when it has none. */
    static Integer dayOf(RegulationProfile profile, PaperStep step) {
        return profile.paper().steps().stream().filter(r -> r.step().equals(step.code())).findFirst()
                .map(RegulationProfile.PaperStepRule::day).orElse(null);
    }
}
