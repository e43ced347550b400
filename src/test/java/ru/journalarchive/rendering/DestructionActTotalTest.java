package ru.journalarchive.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ru.journalarchive.support.PdfA;
import ru.journalarchive.support.Pdfs;

/** The act's «Итого» line in Russian: «1 дело за 2025 год», «3 дела за 2024–2025 годы», «11 дел», «21 дело» … */
class DestructionActTotalTest {

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', value = {
            "1|2025|Итого 1 дело за 2025 год.",
            "3|2024–2025|Итого 3 дела за 2024–2025 годы.",
            "5|2024–2025|Итого 5 дел за 2024–2025 годы.",
            "11|2024–2025|Итого 11 дел за 2024–2025 годы.",
            "21|2020–2025|Итого 21 дело за 2020–2025 годы.",
            "22|2020–2025|Итого 22 дела за 2020–2025 годы."})
    void theTotalOfTheActTakesTheRussianPluralFormAndTheActStaysPdfA(int files, String years, String expected)
            throws Exception {
        List<DestructionActContent.Row> rows = new ArrayList<>();
        for (int i = 1; i <= files; i++) {
            rows.add(new DestructionActContent.Row(i, "Классный журнал " + i + "А", years, "Номенклатура дел",
                    "02-05", 1, "5 лет, ст. НЕ ПОДТВЕРЖДЕНА", "1 эл. док."));
        }
        DestructionActContent act = new DestructionActContent("МБОУ «Средняя школа № 1»", "", "Директор",
                "Петрова И. М.", "20.01.2026", "1/2026", "15.01.2026", "Перечня", rows, files, years, "3",
                "20.01.2026", "Смирнова О. П.", Instant.parse("2026-01-20T09:00:00Z"),
                "{}".getBytes(StandardCharsets.UTF_8), "act.json");

        byte[] pdf = DestructionActRenderer.withDefaults().render(act).pdf();

        assertThat(Pdfs.text(pdf).replaceAll("\\s+", " ")).contains(expected);
        assertThat(PdfA.failuresOf3b(pdf)).isEmpty();
    }
}
