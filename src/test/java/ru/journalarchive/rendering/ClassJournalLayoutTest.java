package ru.journalarchive.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.Snapshot.FinalMark;
import ru.journalarchive.snapshot.Snapshot.Lesson;
import ru.journalarchive.snapshot.Snapshot.SchoolClass;

/** Layout cases beyond the ordinary class: long lists, awkward text, year-end columns. */
class ClassJournalLayoutTest {

    private final ClassJournalRenderer renderer = ClassJournalRenderer.withDefaults();

    @Test
    void aClassOfFortyPupilsContinuesOnASecondMarksPageWithTheLastPupilOnIt() throws Exception {
        ClassJournal journal = JournalFixtures.fortyPupils();
        List<String> pages = pages(render(journal));
        List<String> marksPages = pages.stream().filter(p -> p.contains("Отметки и посещаемость")).toList();
        assertThat(marksPages).hasSize(2);
        int perPage = MarksGridPages.ROWS_PER_PAGE;
        assertThat(marksPages.get(0)).containsPattern("(?m)^" + perPage + " ").doesNotContainPattern(
                "(?m)^" + (perPage + 1) + " ");
        assertThat(marksPages.get(1)).containsPattern("(?m)^" + (perPage + 1) + " ").containsPattern("(?m)^40 ")
                .contains("(продолжение)");
    }

    @Test
    void textWithEmojiLineBreaksAndAVeryLongTopicStillGivesAValidJournal() throws Exception {
        ClassJournal base = JournalFixtures.gradeFive();
        String longTopic = "Начало длинной темы. " + "Очень подробное описание урока с примерами. ".repeat(250)
                + "Конец длинной темы.";
        List<Lesson> lessons = new ArrayList<>(base.schoolClass().lessons());
        Lesson first = lessons.get(0);
        lessons.set(0, new Lesson(first.id(), first.date(), first.number(), first.subject(), first.teacher(), null,
                first.group(), "Диктант 😀\tс\r\nпереносами", longTopic));
        ClassJournal journal = withClass(base, lessons, base.schoolClass().finalMarks());
        byte[] pdf = render(journal);
        assertThat(PdfaValidation.failuresOf(pdf)).isEmpty();
        String text = String.join("\n", pages(pdf)).replaceAll("\\s+", " ");
        assertThat(text).contains("Диктант ? с", "переносами", "Начало длинной темы.", "Конец длинной темы.");
    }

    @Test
    void yearAndExamMarksGetTheirOwnColumnsBesideThePeriodsFinalMark() throws Exception {
        ClassJournal base = JournalFixtures.gradeFive();
        List<FinalMark> finals = new ArrayList<>(base.schoolClass().finalMarks());
        String pupil = base.schoolClass().students().get(0).id();
        finals.add(new FinalMark(pupil, "rus", "Y", "4", "2025-05-28T12:00:00+03:00", "t-01"));
        finals.add(new FinalMark(pupil, "rus", "E", "5", "2025-06-10T12:00:00+03:00", "t-01"));
        byte[] pdf = render(withClass(base, base.schoolClass().lessons(), finals));
        List<String> pages = pages(pdf);
        String lastPage = pages.get(pages.size() - 1);
        assertThat(lastPage).contains("Итоговые отметки за 1 четверть", "год", "экзамен")
                .doesNotContain("итоговая");
        assertThat(lastPage).containsPattern("Абрамцев Пётр Ильич 3 4 5 4");
        assertThat(PdfaValidation.failuresOf(pdf)).isEmpty();
    }

    private byte[] render(ClassJournal journal) {
        return renderer.render(journal, JournalFixtures.json(journal), JournalFixtures.FROZEN_AT).pdf();
    }

    private static ClassJournal withClass(ClassJournal base, List<Lesson> lessons, List<FinalMark> finals) {
        SchoolClass c = base.schoolClass();
        SchoolClass changed = new SchoolClass(c.id(), c.name(), c.grade(), c.classTeacher(), c.period(), c.students(),
                c.groups(), lessons, c.marks(), c.attendance(), finals);
        return new ClassJournal(base.format(), base.school(), base.academicYear(), base.gradingScale(),
                base.teachers(), base.subjects(), changed);
    }

    private static List<String> pages(byte[] pdf) throws Exception {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setSortByPosition(true);
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(document));
            }
        }
        return pages;
    }
}
