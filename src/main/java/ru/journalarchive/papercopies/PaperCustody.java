package ru.journalarchive.papercopies;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Component;
import ru.journalarchive.freezing.FrozenJournal;
import ru.journalarchive.freezing.JournalFreezer;
import ru.journalarchive.regulations.RegulationProfile;
import ru.journalarchive.regulations.Regulations;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;

/**
 * Who keeps a school's paper copies as its regulation says: the registry, or (a college, 003 §5.5) the group's class
 * teacher until the group graduates — its last semester closed: an archived journal of the group's period H2 whose
 * course is the group's last one — after which the copies are transferred to the archive.
 */
@Component
public class PaperCustody {

    /** The last period of a college's year: the second semester. */
    static final String LAST_SEMESTER = "H2";

    private final Regulations regulations;
    private final DocumentRegistry registry;
    private final JournalFreezer freezer;

    PaperCustody(Regulations regulations, DocumentRegistry registry, JournalFreezer freezer) {
        this.regulations = regulations;
        this.registry = registry;
        this.freezer = freezer;
    }

    /**
     * Where a copy is kept under a class-teacher custody.
     *
     * @param group        the group's name
     * @param classTeacher the group's class teacher, as the journal names them (null if none)
     * @param graduatedOn  the last day of the group's last semester, or null while it studies
     */
    public record Held(String group, String classTeacher, LocalDate graduatedOn) {
    }

    /** Whether the school's copies stay with the group's class teacher until it graduates. */
    public boolean withClassTeacher(String schoolId) {
        return regulations.forSchool(schoolId).paper().custody()
                == RegulationProfile.Custody.CLASS_TEACHER_UNTIL_GRADUATION;
    }

    /** The custody of a copy, or empty when the school keeps its copies in the registry. */
    public Optional<Held> of(PaperCopy copy) {
        PaperCopy.Document d = copy.document();
        if (!withClassTeacher(d.schoolId())) {
            return Optional.empty();
        }
        return Optional.of(new Held(d.className(), copy.classTeacher(),
                graduated(d).orElse(null)));
    }

    /**
     * The last day of the last semester of the group a copy's document belongs to, when the archive holds it closed;
     * empty while the group studies. The group is known by its stable id (the contract's ids are the source system's
     * stable identifiers); only a last semester of the document's academic year or later counts, so a group id a
     * later cohort reuses never marks earlier copies graduated, nor an earlier cohort's graduation later ones.
     */
    public Optional<LocalDate> graduated(PaperCopy.Document document) {
        return registry.list(new DocumentQuery(document.schoolId(), null, LAST_SEMESTER, document.classId())).stream()
                .filter(d -> PrintPackets.CLASS_JOURNAL.equals(d.documentType()) && d.frozenJournalId() != null)
                .filter(d -> d.academicYear().compareTo(document.academicYear()) >= 0)
                .map(ArchivedDocument::frozenJournalId).distinct()
                .flatMap(id -> freezer.get(id).stream())
                .filter(PaperCustody::lastCourse)
                .map(f -> f.journal().schoolClass().period().end())
                .max(Comparator.naturalOrder());
    }

    /** Whether a frozen journal is of its group's last course ({@code class.lastCourse} of a college, 003 §5.5). */
    private static boolean lastCourse(FrozenJournal frozen) {
        var schoolClass = frozen.journal().schoolClass();
        return schoolClass.lastCourse() != null && schoolClass.lastCourse() == schoolClass.grade();
    }
}
