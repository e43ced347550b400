package ru.journalarchive.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import ru.journalarchive.JournalArchiveApplication;
import ru.journalarchive.papercopies.PaperCopies;
import ru.journalarchive.papercopies.PaperCopy;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;
import ru.journalarchive.registryjournal.RegistryIdentityException;
import ru.journalarchive.registryjournal.RegistryJournal;
import ru.journalarchive.security.Accounts;
import ru.journalarchive.security.Role;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;

/**
 * The lost-database drill (issue 13, «Done means»): a real archive with two filesystem locations is used for
 * everything the registry keeps (closes, signatures, a hold, a destruction act, paper copies, a backup medium, a
 * search in the access log, accounts and API keys); its database is then lost. A start on a new, empty database beside
 * the same storage is refused in Russian with exit code 6; a tampered journal is refused naming the segment and entry;
 * {@code registry rebuild --from site-a} restores a registry whose every listing equals the original, and
 * {@code verify} exits 0.
 */
class LostRegistryIsRefusedAndRebuiltFromStorageTest {

    private static final String SCHOOL = "drill-school";
    private static final String PASSWORD = "Zxcv-Lkjh-2024!";

    @TempDir
    Path tmp;

    @Test
    void aLostDatabaseIsRefusedThenRebuiltFromOneLocationAndEveryListingEqualsTheOriginal() throws Exception {
        Path siteA = tmp.resolve("storage/site-a");
        Path siteB = tmp.resolve("storage/site-b");
        Map<String, String> before;
        try (ConfigurableApplicationContext archive = start(tmp.resolve("db-1"), siteA, siteB)) {
            Cli cli = new Cli(archive);
            useEverything(archive, cli, Files.createDirectories(tmp.resolve("work")));
            before = listings(cli);
            assertThat(archive.getBean(RegistryJournal.class).ship().complete()).isTrue(); // as CliRunner does
        }
        journalHoldsContentOnlyByReference(siteA);

        // The database is lost: a new, empty one beside the same storage refuses to start.
        assertThatThrownBy(() -> start(tmp.resolve("db-2"), siteA, siteB).close())
                .isInstanceOfSatisfying(RegistryIdentityException.class, e -> {
                    assertThat(e.getMessage()).contains("База данных реестра пуста", "«site-a»");
                    assertThat(e.action()).contains("registry rebuild --from site-a");
                    assertThat(((ExitCodeGenerator) e).getExitCode()).isEqualTo(6);
                });

        // site-b's journal is tampered with: one character of one entry changed.
        Path tamperedB = tmp.resolve("storage/site-b-tampered");
        FileSystemUtils.copyRecursively(siteB, tamperedB);
        Path segment = tamperedB.resolve("objects/registry/journal/000000000001.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(segment, StandardCharsets.UTF_8));
        lines.set(2, lines.get(2).replaceFirst("\"op\":\"I\"", "\"op\":\"D\""));
        segment.toFile().setWritable(true);
        Files.write(segment, lines, StandardCharsets.UTF_8);

        try (ConfigurableApplicationContext rebuilt = start(tmp.resolve("db-3"), siteA, tamperedB,
                "registry", "rebuild")) {
            Cli cli = new Cli(rebuilt);
            Cli.Result refused = cli.run("registry", "rebuild", "--from", "site-b");
            assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(2);
            assertThat(refused.err()).contains("registry/journal/000000000001.jsonl", "запись № 3",
                    "хеш записи не совпадает", "ничего не записано");
            assertThat(cli.run("documents", "--json").out()).isBlank();

            Cli.Result result = cli.run("registry", "rebuild", "--from", "site-a");
            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            assertThat(result.out()).contains("восстановлен из хранилища «site-a»", "archived_document: ");
            assertThat(result.out()).containsPattern("Содержимое журналов и выгрузок восстановлено: [1-9]\\d*; "
                    + "уничтожено по актам \\(восстановлено пустым\\): [1-9]");
            assertThat(result.out()).containsPattern("Поисковый указатель построен заново: документов [1-9]");

            Map<String, String> after = listings(cli);
            for (Map.Entry<String, String> listing : before.entrySet()) {
                if (listing.getKey().equals("access-log --json")) {
                    // The commands run since may append their own entries: the entries before the loss are equal.
                    assertThat(after.get(listing.getKey())).as(listing.getKey()).startsWith(listing.getValue());
                } else {
                    assertThat(after.get(listing.getKey())).as(listing.getKey()).isEqualTo(listing.getValue());
                }
            }
            Cli.Result verify = cli.run("verify");
            assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
            Cli.Result again = cli.run("registry", "rebuild", "--from", "site-a");
            assertThat(again.exitCode()).isEqualTo(2);
            assertThat(again.err()).contains("уже есть реестр");
            // The chain continues where the journal ended: verify's own entries are shipped without a conflict.
            assertThat(rebuilt.getBean(RegistryJournal.class).ship().failures()).isEmpty();
        }
    }

    /**
     * The journal's lines never carry a journal's content (marks, names): a frozen journal, an imported class journal
     * and a raw snapshot are referenced by SHA-256, their bytes are separate objects under registry/content/, and
     * those of the destroyed journals are gone; the search index (names) is not journaled at all.
     */
    private static void journalHoldsContentOnlyByReference(Path site) throws Exception {
        java.util.regex.Pattern content = java.util.regex.Pattern.compile(
                "\"(canonical_json|journal_json|raw_gzip)\": ?\"([^\"]*)\"");
        java.util.regex.Pattern id = java.util.regex.Pattern.compile("\"id\": ?\"([0-9a-f-]{36})\"");
        Map<String, String> frozenContent = new java.util.HashMap<>();
        Set<String> frozenEmptied = new java.util.HashSet<>();
        try (var segments = Files.list(site.resolve("objects/registry/journal"))) {
            for (Path segment : segments.toList()) {
                for (String line : Files.readAllLines(segment, StandardCharsets.UTF_8)) {
                    assertThat(line).doesNotContain("\"table\":\"pupil_name", "\"table\":\"pupil_occurrence");
                    var matcher = content.matcher(line);
                    while (matcher.find()) {
                        String value = matcher.group(2);
                        assertThat(value).as(line.substring(0, 80)).matches("sha256:[0-9a-f]{64}|\\\\\\\\x");
                        if (line.contains("\"table\":\"frozen_journal\"")) {
                            var row = id.matcher(line);
                            assertThat(row.find()).isTrue();
                            if (value.startsWith("sha256:")) {
                                frozenContent.put(row.group(1), value.substring("sha256:".length()));
                            } else {
                                frozenEmptied.add(row.group(1));
                            }
                        }
                    }
                }
            }
        }
        assertThat(frozenEmptied).as("journals destroyed by the act").isNotEmpty();
        assertThat(frozenContent.keySet()).containsAll(frozenEmptied).hasSizeGreaterThan(frozenEmptied.size());
        for (Map.Entry<String, String> frozen : frozenContent.entrySet()) {
            assertThat(Files.exists(site.resolve("objects/registry/content/" + frozen.getValue())))
                    .as("content of frozen journal " + frozen.getKey())
                    .isEqualTo(!frozenEmptied.contains(frozen.getKey()));
        }
    }

    /** Every kind of registry entry, through the real commands. */
    private static void useEverything(ConfigurableApplicationContext archive, Cli cli, Path dir) throws Exception {
        ok(cli, "close", Snapshots.generate(dir, SCHOOL, 30, 131L, "2019/2020").toString());
        ok(cli, "close", Snapshots.generate(dir, "drill-kept", 30, 132L).toString());
        ok(cli, "sign", "--school", "drill-kept");
        List<ArchivedDocument> kept = archive.getBean(DocumentRegistry.class)
                .list(new DocumentQuery("drill-kept", null, null, null));
        ok(cli, "hold", "place", "--scope", "document", "--school", "drill-kept", "--document",
                kept.get(0).id().toString(), "--reason", "Запрос прокуратуры", "--by", "Архивист");
        String year = String.valueOf(LocalDate.now().getYear());
        ok(cli, "act", "draft", "--school", SCHOOL, "--year", year, "--by", "Делопроизводитель Смирнова");
        ok(cli, "act", "agree", "--act", "1/" + year, "--protocol", "1", "--protocol-date",
                LocalDate.now().toString(), "--by", "Председатель ЭК");
        ok(cli, "act", "approve", "--act", "1/" + year, "--by", "Петрова И. М.");
        // Executed: the destroyed journals' content must not survive in the registry journal either.
        ok(cli, "act", "execute", "--act", "1/" + year, "--by", "Петрова И. М.");
        ok(cli, "paper", "print", "--document", kept.get(0).id().toString(), "--by", "Заместитель Орлова");
        PaperCopies copies = archive.getBean(PaperCopies.class);
        PaperCopy copy = copies.ofDocument(kept.get(0).id()).get(0);
        PaperCopy.Signer signer = copy.signers().get(0);
        ok(cli, "paper", "sign-subject", "--copy", copy.id().toString(), "--subject", signer.subjectId(),
                "--teacher", signer.teacherId());
        ok(cli, "backup", "export", "--to", dir.resolveSibling("dvd").toString(), "--medium", "DVD-DRILL",
                "--type", "optical", "--school", "drill-kept", "--kept-at", "Сейф директора", "--written-by", "Завхоз");
        ok(cli, "backup", "issue", "--medium", "DVD-DRILL", "--to", "Инспектор Сидорова", "--purpose", "Проверка");
        ok(cli, "search", "--school", "drill-kept", "--type", "class-journal", "--by", "Архивист Смирнова",
                "--purpose", "Запрос выпускника");
        ok(cli, "retrieve", "--document", kept.get(0).id().toString(), "--out",
                dir.resolveSibling("retrieved.pdf").toString(), "--purpose", "Проверка", "--by", "Архивист");
        archive.getBean(Accounts.class).create("archivist.drill", PASSWORD, Role.ARCHIVIST, Set.of("drill-kept"));
        ok(cli, "api-key", "create", "--school", "drill-kept", "--name", "ЭлЖур");
    }

    /** What staff see in every listing of the registry. */
    private static Map<String, String> listings(Cli cli) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String command : List.of("documents --json", "hold list --all",
                "act list", "paper list", "backup media", "user list", "access-log --json",
                "retention events", "act show --act 1/" + LocalDate.now().getYear())) {
            Cli.Result result = cli.run(command.split(" "));
            assertThat(result.exitCode()).as(command + "\n" + result.err()).isZero();
            assertThat(result.out()).as(command).isNotBlank();
            out.put(command, result.out());
        }
        return out;
    }

    private static Cli.Result ok(Cli cli, String... args) {
        Cli.Result result = cli.run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.out() + result.err()).isZero();
        return result;
    }

    /** The archive on its own database directory and the given storage; extra words are the command line's. */
    private ConfigurableApplicationContext start(Path database, Path siteA, Path siteB, String... command) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=test",
                // The same data directory (the demo signing PKI lives there), a database of its own.
                "--archive.data-directory=" + tmp.resolve("data"),
                "--archive.database.embedded-data-directory=" + database,
                "--archive.storage.locations[0].name=site-a",
                "--archive.storage.locations[0].type=filesystem",
                "--archive.storage.locations[0].path=" + siteA,
                "--archive.storage.locations[1].name=site-b",
                "--archive.storage.locations[1].type=filesystem",
                "--archive.storage.locations[1].path=" + siteB));
        args.addAll(List.of(command));
        return new SpringApplicationBuilder(JournalArchiveApplication.class).run(args.toArray(String[]::new));
    }
}
