package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.retention.Holds;
import ru.journalarchive.retention.RetentionReview;
import ru.journalarchive.retention.RetentionReviewResult;
import ru.journalarchive.retention.ReviewFile;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;
import tools.jackson.databind.JsonNode;

/**
 * The records clerk's annual review through the command line: a 2024/2025 journal is eligible for an act of 2031 and
 * not of 2030, a hold keeps a class out of the act until it is released, and every bad hold request is refused with
 * the option named and nothing written.
 */
@SpringBootTest
@ActiveProfiles("test")
class RetentionReviewEndToEndTest {

    private static final Pattern HOLD_ID = Pattern.compile("Запрет ([0-9a-f-]{36}) установлен");

    @Autowired
    ApplicationContext context;
    @Autowired
    DocumentRegistry registry;
    @Autowired
    RetentionReview review;
    @Autowired
    Holds holds;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path tmp;

    Cli cli;

    @BeforeEach
    void cli() {
        cli = new Cli(context);
    }

    @Test
    void aJournalOf2024To2025IsEligibleForAnActOf2031AndNotOneDayEarlier() throws Exception {
        assertThat(cli.run("close", Snapshots.generate(tmp, "ret-boundary", 40, 7L).toString()).exitCode()).isZero();
        List<ArchivedDocument> documents = registry.list(new DocumentQuery("ret-boundary", null, null, null));
        assertThat(documents).isNotEmpty().allSatisfy(d ->
                assertThat(d.retention().eligibleForDestructionFrom()).hasToString("2031-01-01"));

        RetentionReviewResult in2030 = review.review(2030, "ret-boundary");
        RetentionReviewResult in2031 = review.review(2031, "ret-boundary");

        assertThat(in2030.eligible()).isEmpty();
        assertThat(in2030.epk()).isEmpty();
        assertThat(in2031.eligible()).hasSize(1);
        var group = in2031.eligible().get(0);
        assertThat(group.recordClass()).isEqualTo("class-journal");
        assertThat(group.nomenclatureIndex()).isEqualTo("02-05");
        assertThat(group.firstAcademicYear()).isEqualTo("2024/2025");
        // One file (дело) per class and year, holding every period document of that class.
        assertThat(group.files()).extracting(ReviewFile::classId)
                .containsExactlyInAnyOrderElementsOf(documents.stream().map(ArchivedDocument::classId).distinct().toList());
        assertThat(group.files().stream().flatMap(f -> f.documentIds().stream()))
                .containsExactlyInAnyOrderElementsOf(documents.stream().map(ArchivedDocument::id).toList());

        Cli.Result printed = cli.run("retention", "review", "--year", "2031", "--school", "ret-boundary", "--json");
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        JsonNode json = Snapshots.JSON.readTree(printed.out());
        assertThat(json.get("cutoff").asString()).isEqualTo("2031-01-01");
        assertThat(json.get("eligible").get(0).get("files")).hasSize(group.files().size());
        Cli.Result text2030 = cli.run("retention", "review", "--year", "2030", "--school", "ret-boundary");
        assertThat(text2030.out()).contains("Можно включить в акт: 0 дел").contains("для акта 2030 года (сроки хранения истекли к 01.01.2030)");
        assertThat(jdbc.sql("SELECT count(*) FROM retention_event WHERE event_type = 'review'").query(Long.class)
                .single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aHeldClassStaysOutOfTheActUntilTheHoldIsReleasedAndBothStepsAreLogged() throws Exception {
        assertThat(cli.run("close", Snapshots.generate(tmp, "ret-hold", 40, 8L).toString()).exitCode()).isZero();
        ArchivedDocument heldDocument = registry.list(new DocumentQuery("ret-hold", null, null, null)).get(0);

        Cli.Result placed = cli.run("hold", "place", "--scope", "class", "--school", "ret-hold", "--year", "2024/2025",
                "--class", heldDocument.classId(), "--reason", "Проверка прокуратуры, запрос № 12", "--by", "Архивист");

        assertThat(placed.exitCode()).as(placed.err()).isZero();
        Matcher m = HOLD_ID.matcher(placed.out());
        assertThat(m.find()).as(placed.out()).isTrue();
        UUID holdId = UUID.fromString(m.group(1));
        assertThat(holds.isHeld(heldDocument.id())).isTrue();
        RetentionReviewResult whileHeld = review.review(2031, "ret-hold");
        assertThat(whileHeld.eligible().stream().flatMap(g -> g.files().stream()).flatMap(f -> f.documentIds().stream()))
                .doesNotContain(heldDocument.id()).isNotEmpty();
        assertThat(whileHeld.held()).singleElement().satisfies(f -> {
            assertThat(f.classId()).isEqualTo(heldDocument.classId());
            assertThat(f.holdReasons()).containsExactly("Проверка прокуратуры, запрос № 12");
        });
        assertThat(cli.run("retention", "review", "--year", "2031", "--school", "ret-hold").out())
                .contains("Под запретом на уничтожение — в акт не включаются: 1 дело")
                .contains("основание запрета: Проверка прокуратуры, запрос № 12");

        Cli.Result released = cli.run("hold", "release", "--hold", holdId.toString(), "--reason",
                "Проверка завершена", "--by", "Архивист");

        assertThat(released.exitCode()).as(released.err()).isZero();
        assertThat(holds.isHeld(heldDocument.id())).isFalse();
        assertThat(review.review(2031, "ret-hold").held()).isEmpty();
        assertThat(cli.run("hold", "release", "--hold", holdId.toString(), "--reason", "ещё раз").exitCode())
                .isEqualTo(2);
        assertThat(cli.run("hold", "list", "--school", "ret-hold").out()).contains("Запретов: 0");
        assertThat(cli.run("hold", "list", "--school", "ret-hold", "--all").out())
                .contains("снят").contains("Проверка завершена");
        assertThat(cli.run("retention", "events").out()).contains("запрет установлен").contains("запрет снят");
    }

    @Test
    void aHoldOnADocumentOrASchoolCoversExactlyThatDocumentOrEveryDocumentOfTheSchool() throws Exception {
        assertThat(cli.run("close", Snapshots.generate(tmp, "ret-scope", 40, 9L).toString()).exitCode()).isZero();
        List<ArchivedDocument> documents = registry.list(new DocumentQuery("ret-scope", null, null, null));
        ArchivedDocument one = documents.get(0);

        assertThat(cli.run("hold", "place", "--scope", "document", "--document", one.id().toString(),
                "--reason", "Спор о выставленной отметке").exitCode()).isZero();
        assertThat(documents).allSatisfy(d -> assertThat(holds.isHeld(d.id())).isEqualTo(d.id().equals(one.id())));

        assertThat(cli.run("hold", "place", "--scope", "school", "--school", "ret-scope",
                "--reason", "Требование муниципального архива").exitCode()).isZero();
        assertThat(documents).allSatisfy(d -> assertThat(holds.isHeld(d.id())).isTrue());
        assertThat(review.review(2031, "ret-scope").eligible()).isEmpty();
    }

    @Test
    void badHoldRequestsAreRefusedNamingTheOptionAndWriteNothing() throws Exception {
        assertThat(cli.run("close", Snapshots.generate(tmp, "ret-bad", 20, 10L).toString()).exitCode()).isZero();
        long before = jdbc.sql("SELECT count(*) FROM retention_hold").query(Long.class).single();

        Cli.Result noYear = cli.run("hold", "place", "--scope", "class", "--school", "ret-bad", "--class", "5a",
                "--reason", "Проверка");
        Cli.Result unknownClass = cli.run("hold", "place", "--scope", "class", "--school", "ret-bad",
                "--year", "2024/2025", "--class", "no-such-class", "--reason", "Проверка");
        Cli.Result badScope = cli.run("hold", "place", "--scope", "everything", "--school", "ret-bad",
                "--reason", "Проверка");
        Cli.Result blankReason = cli.run("hold", "place", "--scope", "school", "--school", "ret-bad",
                "--reason", "   ");
        Cli.Result badYear = cli.run("hold", "place", "--scope", "academic-year", "--school", "ret-bad",
                "--year", "2024-2025", "--reason", "Проверка");
        Cli.Result badDocument = cli.run("hold", "place", "--scope", "document", "--document", "not-a-uuid",
                "--reason", "Проверка");
        Cli.Result unknownHold = cli.run("hold", "release", "--hold", UUID.randomUUID().toString(),
                "--reason", "Проверка");

        assertThat(noYear.exitCode()).isEqualTo(2);
        assertThat(noYear.err()).contains("--year");
        assertThat(unknownClass.exitCode()).isEqualTo(2);
        assertThat(unknownClass.err()).contains("нет ни одного такого документа");
        assertThat(badScope.exitCode()).isEqualTo(2);
        assertThat(badScope.err()).contains("everything").contains("academic-year");
        assertThat(blankReason.exitCode()).isEqualTo(2);
        assertThat(blankReason.err()).contains("--reason");
        assertThat(badYear.exitCode()).isEqualTo(2);
        assertThat(badYear.err()).contains("ГГГГ/ГГГГ");
        assertThat(badDocument.exitCode()).isEqualTo(2);
        assertThat(badDocument.err()).contains("--document");
        assertThat(unknownHold.exitCode()).isEqualTo(2);
        assertThat(unknownHold.err()).contains("не найден");
        assertThat(cli.run("retention", "review", "--year", "31").exitCode()).isEqualTo(2);
        // Words picocli cannot parse are explained in Russian, naming the option.
        Cli.Result notANumber = cli.run("retention", "review", "--year", "abc");
        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).contains("Параметр --year: «abc» — нужно целое число")
                .contains("journal-archive retention review --help").doesNotContain("Invalid value");
        Cli.Result missing = cli.run("hold", "release", "--reason", "Проверка");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Не указан обязательный параметр: --hold");
        Cli.Result unknown = cli.run("hold", "list", "--everything");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Неизвестный параметр или лишнее слово: --everything");
        assertThat(jdbc.sql("SELECT count(*) FROM retention_hold").query(Long.class).single()).isEqualTo(before);
    }
}
