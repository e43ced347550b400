package ru.journalarchive.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.Snapshot;
import ru.journalarchive.support.PdfA;

/**
 * The supplement sheet of a supplemented journal version: right after the contents, every added mark with the
 * pupil's and subject's names, the kind in words, who entered it (the teacher's name) and when in school time.
 */
class SupplementPagesTest {

    @Test
    void theSheetListsEachAddedMarkWithNamesKindTeacherAndMoscowTime() throws Exception {
        ClassJournal journal = JournalFixtures.gradeFive();
        Snapshot.Student pupil = journal.schoolClass().students().get(0);
        Snapshot.Subject subject = journal.subjects().get(0);
        Snapshot.Teacher teacher = journal.teachers().get(0);
        SupplementNote note = new SupplementNote(2, Instant.parse("2025-06-21T07:05:00Z"), 3, List.of(
                new SupplementNote.Mark(pupil.id(), subject.id(), "E", "5", teacher.id(), "2025-06-20T08:30:00Z"),
                new SupplementNote.Mark(pupil.id(), subject.id(), "F", "5", teacher.id(), "2025-06-20T14:00:00+03:00"),
                new SupplementNote.Mark(pupil.id(), subject.id(), "Y", "4", null, null)));

        byte[] pdf = ClassJournalRenderer.withDefaults()
                .render(journal, JournalFixtures.json(journal), JournalFixtures.FROZEN_AT, note).pdf();

        assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
        List<String> pages = pages(pdf);
        assertThat(pages.get(1)).as("the contents list the sheet").contains("Дополнение № 2");
        String sheet = pages.get(2).replaceAll("\\s+", " ");
        assertThat(sheet).contains("Дополнение № 2: итоговые отметки, выставленные после закрытия периода")
                .contains("Дополнение принято в архив: 21.06.2025 10:05 (время московское).")
                .contains("Настоящая версия 4 дополняет версию 3 этого журнала.")
                .contains("1. " + pupil.fullName() + " — " + subject.name() + " — экзамен: 5 — " + teacher.fullName()
                        + ", 20.06.2025 11:30")
                .contains("2. " + pupil.fullName() + " — " + subject.name() + " — итоговая: 5 — " + teacher.fullName()
                        + ", 20.06.2025 14:00")
                .contains("3. " + pupil.fullName() + " — " + subject.name() + " — год: 4 — не указано, не указано")
                .doesNotContain(pupil.id());
        assertThat(pages(ClassJournalRenderer.withDefaults()
                .render(journal, JournalFixtures.json(journal), JournalFixtures.FROZEN_AT).pdf()))
                .noneMatch(p -> p.contains("Дополнение №"));
    }

    private static List<String> pages(byte[] pdf) throws Exception {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
        }
        return pages;
    }
}
