package ru.journalarchive.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.ClassJournals;
import ru.journalarchive.snapshot.SnapshotReader;

/**
 * A college's journal and print packet (the example college's course-1 group ТМ-11): «группа», «курс», «семестр»,
 * «классный руководитель группы», «преподаватель», its marks, PDF/A-3b; a school's journal keeps its own wording.
 */
class CollegeRenderingTest {

    private static final Instant FROZEN_AT = Instant.parse("2025-07-04T06:00:00Z");
    private static final ClassJournal COURSE_ONE = ClassJournals.of(SnapshotReader.withDefaults()
            .read(Path.of("archive-format/examples/example-college.json"))).get(0);

    @Test
    void aCourseOneJournalSaysGroupCourseSemesterAndShowsItsMarks() throws Exception {
        byte[] json = CanonicalJson.of(COURSE_ONE);
        byte[] pdf = ClassJournalRenderer.withDefaults().render(COURSE_ONE, json, FROZEN_AT).pdf();

        assertThat(PdfaValidation.failuresOf(pdf)).isEmpty();
        String text = text(pdf);
        assertThat(text).contains("ЖУРНАЛ УЧЕБНЫХ ЗАНЯТИЙ", "Группа ТМ-11, 1 курс", "2 семестр",
                "Классный руководитель группы: ", "Итоговые отметки за 2 семестр", "отметки и посещаемость",
                "Преподаватель: ", "группа ТМ-11, 1 курс · 2 семестр, 2024/2025 учебный год",
                "студента в группе")
                .doesNotContain("КЛАССНЫЙ ЖУРНАЛ").doesNotContain("ТМ-11 класс").doesNotContain("Учитель:");
        assertThat(COURSE_ONE.schoolClass().marks()).isNotEmpty();
    }

    @Test
    void aCourseOnePrintPacketIsSignedByTheGroupsClassTeacherAndTheLecturers() throws Exception {
        byte[] pdf = PrintPacketRenderer.withDefaults().render(COURSE_ONE, CanonicalJson.of(COURSE_ONE), FROZEN_AT)
                .pdf();

        assertThat(PdfaValidation.failuresOf(pdf)).isEmpty();
        assertThat(text(pdf)).contains(
                "Достоверность бумажной копии подтверждаю. Классный руководитель группы ____________ /",
                "Преподаватель: ____________ /",
                "Бумажная копия электронного журнала учебных занятий: группа ТМ-11, 1 курс, 2 семестр",
                "Преподаватели проверили копию").doesNotContain("Учитель: ____________");
    }

    @Test
    void aSchoolJournalKeepsTheSchoolsWording() throws Exception {
        ClassJournal fifth = JournalFixtures.gradeFive();
        String text = text(ClassJournalRenderer.withDefaults().render(fifth, JournalFixtures.json(fifth),
                JournalFixtures.FROZEN_AT).pdf());

        assertThat(text).contains("КЛАССНЫЙ ЖУРНАЛ", "5А класс", "Классный руководитель: ")
                .doesNotContain("Группа").doesNotContain("курс").doesNotContain("руководитель группы");
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
