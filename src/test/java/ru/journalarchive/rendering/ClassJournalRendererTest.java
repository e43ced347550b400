package ru.journalarchive.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import ru.journalarchive.snapshot.ClassJournal;

class ClassJournalRendererTest {

    private static final ClassJournalRenderer RENDERER = ClassJournalRenderer.withDefaults();
    private static final ClassJournal GRADE_FIVE = JournalFixtures.gradeFive();
    private static final byte[] GRADE_FIVE_JSON = JournalFixtures.json(GRADE_FIVE);
    private static final RenderedDocument GRADE_FIVE_PDF =
            RENDERER.render(GRADE_FIVE, GRADE_FIVE_JSON, JournalFixtures.FROZEN_AT);

    @Test
    void aGradeFiveJournalIsValidPdfA3b() throws Exception {
        assertThat(PdfaValidation.failuresOf(GRADE_FIVE_PDF.pdf())).isEmpty();
    }

    @Test
    void aGradeOneJournalIsValidPdfA3b() throws Exception {
        ClassJournal journal = JournalFixtures.gradeOne();
        RenderedDocument rendered = RENDERER.render(journal, JournalFixtures.json(journal), JournalFixtures.FROZEN_AT);
        assertThat(PdfaValidation.failuresOf(rendered.pdf())).isEmpty();
    }

    @Test
    void theValidatorRejectsAPlainPdfSoItsVerdictMeansSomething() throws Exception {
        try (PDDocument plain = new PDDocument()) {
            plain.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            plain.save(out);
            assertThat(PdfaValidation.failuresOf(out.toByteArray())).isNotEmpty();
        }
    }

    @Test
    void theTextReadsBackAsARussianClassJournal() throws Exception {
        String text = textOf(GRADE_FIVE_PDF.pdf());
        assertThat(text).contains("КЛАССНЫЙ ЖУРНАЛ", JournalFixtures.SCHOOL_NAME.substring(0, 60),
                "5А класс", "2024/2025 учебный год", "1 четверть", "Оглавление",
                "Классный руководитель: Кравцова Анна Сергеевна", "Директор: Светлова Ирина Андреевна",
                "Электронный архив: документ сформирован из замороженной копии журнала от 28.10.2024 06:00:00 UTC",
                "Русский язык", "Английский язык, группа 1", "Английский язык, группа 2",
                "Сводная ведомость посещаемости", "Итоговые отметки за 1 четверть",
                "замена: Сафонов Д. А. вместо Кравцова А. С.");
        assertThat(text).contains("Абрамцев П. И.", "Абрамцев Пётр Ильич");
        assertThat(text).contains("5 КР");
        assertThat(text).containsPattern("(?m)\\bН\\b");
        assertThat(text).contains("прибыл 14.10", "выбыл 11.10");
        String hashPrefix = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(GRADE_FIVE_JSON))
                .substring(0, 16);
        assertThat(text).contains(hashPrefix);
    }

    @Test
    void theFirstPupilsFinalMarkStandsInTheFinalColumnOfRussian() throws Exception {
        // The final-marks sheet is the last page; the first pupil's Russian Q1 mark is "3" per the fixture.
        try (PDDocument document = Loader.loadPDF(GRADE_FIVE_PDF.pdf())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(document.getNumberOfPages());
            stripper.setEndPage(document.getNumberOfPages());
            String lastPage = stripper.getText(document);
            assertThat(lastPage).contains("Итоговые отметки за 1 четверть");
            assertThat(lastPage).containsPattern("1 Абрамцев Пётр Ильич 3 4");
        }
    }

    @Test
    void everyPageFooterNumbersTheSheetsOutOfTheTotal() throws Exception {
        try (PDDocument document = Loader.loadPDF(GRADE_FIVE_PDF.pdf())) {
            int pages = document.getNumberOfPages();
            assertThat(GRADE_FIVE_PDF.pageCount()).isEqualTo(pages);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Лист 1 из " + pages, "Лист " + pages + " из " + pages)
                    .doesNotContain("Лист " + (pages + 1) + " из");
            assertThat(text).contains("МБОУ «СОШ № 7» · 5А класс · 1 четверть, 2024/2025 учебный год");
        }
    }

    @Test
    void theFrozenJsonIsEmbeddedAsTheSourceFileOfTheDocument() throws Exception {
        try (PDDocument document = Loader.loadPDF(GRADE_FIVE_PDF.pdf())) {
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            String name = "sosh-7_2024-2025_5a_Q1.json";
            PDComplexFileSpecification spec = names.getEmbeddedFiles().getNames().get(name);
            assertThat(spec).isNotNull();
            assertThat(spec.getFile()).isEqualTo(name);
            assertThat(spec.getFileUnicode()).isEqualTo(name);
            assertThat(spec.getCOSObject().getNameAsString(COSName.AF_RELATIONSHIP)).isEqualTo("Source");
            PDEmbeddedFile file = spec.getEmbeddedFileUnicode();
            assertThat(file.getSubtype()).isEqualTo("application/json");
            assertThat(file.toByteArray()).isEqualTo(GRADE_FIVE_JSON);
            assertThat(file.getSize()).isEqualTo(GRADE_FIVE_JSON.length);
            assertThat(file.getModDate().toInstant()).isEqualTo(JournalFixtures.FROZEN_AT);
            COSArray associated = document.getDocumentCatalog().getCOSObject().getCOSArray(COSName.AF);
            assertThat(associated.size()).isEqualTo(1);
            assertThat(associated.getObject(0)).isSameAs(spec.getCOSObject());
        }
    }

    @Test
    void theDocumentIsDatedByItsFreezingAndIdentifiedByTheJsonHash() throws Exception {
        try (PDDocument document = Loader.loadPDF(GRADE_FIVE_PDF.pdf())) {
            assertThat(document.getDocumentInformation().getCreationDate().toInstant())
                    .isEqualTo(JournalFixtures.FROZEN_AT);
            assertThat(document.getDocumentInformation().getModificationDate().toInstant())
                    .isEqualTo(JournalFixtures.FROZEN_AT);
            assertThat(document.getDocumentInformation().getTitle()).startsWith("Классный журнал: 5А класс");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("ru-RU");
            COSArray id = document.getDocument().getTrailer().getCOSArray(COSName.ID);
            byte[] expected = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(GRADE_FIVE_JSON), 16);
            assertThat(((COSString) id.getObject(0)).getBytes()).isEqualTo(expected);
            String xmp = new String(document.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
                    "2024-10-28T06:00:00");
        }
    }

    @Test
    void renderingTheSameJournalTwiceGivesTheSameBytes() throws Exception {
        ClassJournal journal = JournalFixtures.gradeFive();
        RenderedDocument again = RENDERER.render(journal, JournalFixtures.json(journal), JournalFixtures.FROZEN_AT);
        assertThat(again.pdf()).isEqualTo(GRADE_FIVE_PDF.pdf());
    }

    @Test
    void renderingOnTwoThreadsAtOnceGivesTheSameBytesAsAlone() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<byte[]>> results = pool.invokeAll(List.of(
                    () -> RENDERER.render(GRADE_FIVE, GRADE_FIVE_JSON, JournalFixtures.FROZEN_AT).pdf(),
                    () -> RENDERER.render(GRADE_FIVE, GRADE_FIVE_JSON, JournalFixtures.FROZEN_AT).pdf(),
                    () -> RENDERER.render(GRADE_FIVE, GRADE_FIVE_JSON, JournalFixtures.FROZEN_AT).pdf(),
                    () -> RENDERER.render(GRADE_FIVE, GRADE_FIVE_JSON, JournalFixtures.FROZEN_AT).pdf()));
            for (Future<byte[]> result : results) {
                assertThat(result.get()).isEqualTo(GRADE_FIVE_PDF.pdf());
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aDifferentFreezingTimeChangesTheDocumentDates() {
        RenderedDocument later = RENDERER.render(GRADE_FIVE, GRADE_FIVE_JSON,
                JournalFixtures.FROZEN_AT.plusSeconds(3600));
        assertThat(later.pdf()).isNotEqualTo(GRADE_FIVE_PDF.pdf());
    }

    @Test
    void aGradeOneJournalHasNoMarksAndNoFinalMarksSheet() throws Exception {
        ClassJournal journal = JournalFixtures.gradeOne();
        RenderedDocument rendered = RENDERER.render(journal, JournalFixtures.json(journal), JournalFixtures.FROZEN_AT);
        String text = textOf(rendered.pdf());
        assertThat(text).contains("КЛАССНЫЙ ЖУРНАЛ", "1Б класс", "Обучение грамоте — посещаемость",
                "Темы уроков и домашние задания", "Сводная ведомость посещаемости");
        assertThat(text).doesNotContain("Итоговые отметки", "Отметки и посещаемость");
        // No mark value appears in any grid cell: the only digits on marks pages are pupil numbers and dates.
        try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(3);
            stripper.setEndPage(3);
            String gridPage = stripper.getText(document);
            assertThat(gridPage).contains("Посещаемость").doesNotContain("КР", "СР");
            assertThat(gridPage.lines().filter(line -> line.matches(".*\\b[2-5] [А-Я]{1,2}\\b.*"))).isEmpty();
        }
    }

    @Test
    void aSubjectWithSixtyLessonsSpansThreeMarksPagesWithNamesRepeated() throws Exception {
        ClassJournal journal = JournalFixtures.sixtyLessons();
        RenderedDocument rendered = RENDERER.render(journal, JournalFixtures.json(journal), JournalFixtures.FROZEN_AT);
        try (PDDocument document = Loader.loadPDF(rendered.pdf())) {
            int marksPages = 0;
            for (int page = 1; page <= document.getNumberOfPages(); page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                if (text.contains("Отметки и посещаемость")) {
                    marksPages++;
                    assertThat(text).contains(JournalIndex.shortName(JournalFixtures.pupilName(0)));
                }
            }
            assertThat(marksPages).isEqualTo(3);
            assertThat(textOf(rendered.pdf())).contains("Математика — отметки и посещаемость 3–5");
        }
    }

    static String textOf(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
