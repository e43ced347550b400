package ru.journalarchive.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import ru.journalarchive.freezing.CanonicalJson;
import ru.journalarchive.snapshot.ClassJournal;
import ru.journalarchive.snapshot.ClassJournals;
import ru.journalarchive.snapshot.Snapshot.Lesson;
import ru.journalarchive.snapshot.SnapshotReader;

/**
 * The print packet of the example school's class journals: PDF/A-3B, deterministic, the archival pages plus a
 * certification sheet, and the signature lines naming the right people on the right sheets, in Russian.
 */
class PrintPacketRendererTest {

    private static final Instant FROZEN_AT = Instant.parse("2024-12-28T06:00:00Z");
    private static final List<ClassJournal> EXAMPLE = ClassJournals.of(SnapshotReader.withDefaults()
            .read(Path.of("archive-format/examples/example-school.json")));
    private static final PrintPacketRenderer PACKETS = PrintPacketRenderer.withDefaults();

    @Test
    void everyPacketOfTheExampleSchoolIsValidPdfA3bAndOneSheetLongerThanTheArchivalRendition() throws Exception {
        for (ClassJournal journal : EXAMPLE) {
            byte[] json = CanonicalJson.of(journal);
            RenderedDocument packet = PACKETS.render(journal, json, FROZEN_AT);
            RenderedDocument archival = ClassJournalRenderer.withDefaults().render(journal, json, FROZEN_AT);

            assertThat(PdfaValidation.failuresOf(packet.pdf())).as(journal.schoolClass().name()).isEmpty();
            assertThat(packet.pageCount()).isEqualTo(archival.pageCount() + 1);
            assertThat(PACKETS.render(journal, json, FROZEN_AT)).as("deterministic").isEqualTo(packet);
            assertThat(packet.pdf()).isNotEqualTo(archival.pdf());
        }
    }

    @Test
    void eachSubjectSheetCarriesItsOwnTeachersSignatureLineAndNeverASubstitutes() throws Exception {
        ClassJournal journal = gradeFive();
        List<String> pages = pages(PACKETS.render(journal, CanonicalJson.of(journal), FROZEN_AT).pdf());
        Map<String, Set<String>> regularTeachers = regularTeachers(journal);
        int signedSheets = 0;
        for (String page : pages) {
            String heading = page.lines().findFirst().orElse("");
            for (var subject : journal.subjects()) {
                if (!heading.startsWith(subject.name()) || !regularTeachers.containsKey(subject.id())) {
                    continue;
                }
                String line = page.lines().filter(l -> l.contains("Учитель: ____________ / ")).findFirst()
                        .orElseThrow(() -> new AssertionError("no signature line on " + heading));
                String signer = line.substring(line.indexOf("Учитель: ____________ / ") + 24, line.indexOf(" / дата"));
                assertThat(regularTeachers.get(subject.id()).stream().map(PrintPacketRendererTest::shortName))
                        .as(heading).contains(signer);
                signedSheets++;
            }
        }
        assertThat(signedSheets).as("every marks and lesson sheet").isGreaterThanOrEqualTo(
                2 * regularTeachers.size());
        // The example has substitutions: a substitute's name appears on the lesson pages, never on a signature line.
        Set<String> substitutesOnly = substitutesOnly(journal);
        assertThat(substitutesOnly).as("the example has a teacher who only substitutes").isNotEmpty();
        assertThat(String.join("\n", pages)).as("the substitute is named on the lesson pages")
                .contains(shortName(substitutesOnly.iterator().next()));
        for (String page : pages) {
            page.lines().filter(l -> l.contains("Учитель: ____________ / ")).forEach(line ->
                    substitutesOnly.forEach(name -> assertThat(line).doesNotContain(shortName(name))));
        }
    }

    @Test
    void theTitlePageHoldsTheClassTeachersCertificationAndTheLastSheetTheDeputyTheDirectorWithTheSealAndTheCount()
            throws Exception {
        ClassJournal journal = gradeFive();
        RenderedDocument packet = PACKETS.render(journal, CanonicalJson.of(journal), FROZEN_AT);
        List<String> pages = pages(packet.pdf());
        String classTeacher = shortName(journal.teacherName(journal.schoolClass().classTeacher()));

        assertThat(pages.get(0)).contains("КЛАССНЫЙ ЖУРНАЛ")
                .contains("Достоверность бумажной копии подтверждаю. Классный руководитель ____________ / "
                        + classTeacher + " / дата ________");
        String last = pages.get(pages.size() - 1);
        assertThat(last).contains("Лист заверения бумажной копии")
                .contains("Заместитель директора по УВР ____________")
                .contains("Директор ____________ / " + shortName(journal.school().director()) + " / дата ________")
                .contains("М.П.")
                .contains("Пронумеровано, прошнуровано и скреплено печатью " + packet.pageCount() + " "
                        + sheetsWord(packet.pageCount()) + ".")
                .contains("Лист " + packet.pageCount() + " из " + packet.pageCount());
        assertThat(pages.get(1)).as("the contents list the certification sheet")
                .contains("Лист заверения бумажной копии");
        assertThat(pages.stream().filter(p -> p.contains("Итоговые отметки за") || p.contains(
                "Сводная ведомость посещаемости")).skip(1))
                .allMatch(p -> p.contains("Классный руководитель: ____________ / " + classTeacher));
    }

    @Test
    void theSignersOfAJournalAreItsSubjectsWithTheirRegularTeachers() {
        ClassJournal journal = gradeFive();
        List<PrintPacketRenderer.SubjectSigner> signers = PrintPacketRenderer.subjectSigners(journal);
        Map<String, Set<String>> regular = regularTeachers(journal);
        assertThat(signers).extracting(PrintPacketRenderer.SubjectSigner::subjectId)
                .containsOnlyElementsOf(regular.keySet()).containsAll(regular.keySet());
        for (PrintPacketRenderer.SubjectSigner signer : signers) {
            assertThat(regular.get(signer.subjectId())).contains(signer.teacherName());
        }
    }

    private static ClassJournal gradeFive() {
        return EXAMPLE.stream().filter(j -> j.schoolClass().grade() == 5).findFirst().orElseThrow();
    }

    /** Per subject, the full names of the teachers who give its lessons (a substitute counts for the replaced one). */
    private static Map<String, Set<String>> regularTeachers(ClassJournal journal) {
        Map<String, Set<String>> teachers = new LinkedHashMap<>();
        for (Lesson lesson : journal.schoolClass().lessons()) {
            String regular = lesson.replacedTeacher() != null ? lesson.replacedTeacher() : lesson.teacher();
            teachers.computeIfAbsent(lesson.subject(), k -> new LinkedHashSet<>()).add(journal.teacherName(regular));
        }
        return teachers;
    }

    /** Names of teachers who appear in the journal only as substitutes. */
    private static Set<String> substitutesOnly(ClassJournal journal) {
        Set<String> regular = new LinkedHashSet<>();
        regularTeachers(journal).values().forEach(regular::addAll);
        regular.add(journal.teacherName(journal.schoolClass().classTeacher()));
        Set<String> substitutes = new LinkedHashSet<>();
        for (Lesson lesson : journal.schoolClass().lessons()) {
            if (lesson.replacedTeacher() != null && !regular.contains(journal.teacherName(lesson.teacher()))) {
                substitutes.add(journal.teacherName(lesson.teacher()));
            }
        }
        return substitutes;
    }

    private static String shortName(String fullName) {
        String[] parts = fullName.trim().split("\\s+");
        StringBuilder out = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            out.append(' ').append(parts[i].charAt(0)).append('.');
        }
        return out.toString();
    }

    private static String sheetsWord(int n) {
        if (n % 10 == 1 && n % 100 != 11) {
            return "лист";
        }
        return n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14) ? "листа" : "листов";
    }

    private static List<String> pages(byte[] pdf) throws Exception {
        List<String> pages = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int i = 1; i <= document.getNumberOfPages(); i++) {
                stripper.setStartPage(i);
                stripper.setEndPage(i);
                pages.add(stripper.getText(document));
            }
        }
        return pages;
    }
}
