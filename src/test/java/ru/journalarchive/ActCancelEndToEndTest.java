package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import ru.journalarchive.disposition.ActStatus;
import ru.journalarchive.disposition.DestructionAct;
import ru.journalarchive.disposition.DestructionActs;
import ru.journalarchive.support.Cli;
import ru.journalarchive.support.Snapshots;
import ru.journalarchive.text.RussianPlural;

/**
 * Cancelling destruction acts through the CLI: a draft and an agreed act are cancelled with who, when and why, and
 * their documents go into the next act; an approved or executed act, a blank reason and an unknown act are refused
 * (exit 2, the field named), and the database refuses the cancellation of an approved act too.
 */
@SpringBootTest
@ActiveProfiles("test")
class ActCancelEndToEndTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    DestructionActs acts;
    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path tmp;

    @Test
    void aDraftOrAgreedActIsCancelledWithWhoWhenAndWhyAndItsDocumentsGoIntoTheNextAct() throws Exception {
        Cli cli = new Cli(context);
        assertThat(cli.run("close", Snapshots.generate(tmp, "cancel-school", 60, 81L, "2019/2020").toString())
                .exitCode()).isZero();
        String year = String.valueOf(LocalDate.now().getYear());
        DestructionAct first = draft(cli, year);

        Cli.Result blank = cli.run("act", "cancel", "--act", first.id().toString(), "--reason", "  ", "--by", "Д");
        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).contains("--reason");
        assertThat(cli.run("act", "cancel", "--act", "77/" + year, "--reason", "x", "--by", "Д").err())
                .contains("--act");
        Cli.Result cancelled = cli.run("act", "cancel", "--act", first.id().toString(), "--reason",
                "Ошибка в составе акта", "--by", "Делопроизводитель Смирнова");

        assertThat(cancelled.exitCode()).as(cancelled.err()).isZero();
        assertThat(cancelled.out()).contains("Акт № " + first.number() + " отменён");
        assertThat(acts.find(first.id().toString()).status()).isEqualTo(ActStatus.CANCELLED);
        assertThat(acts.cancellation(first.id())).hasValueSatisfying(c -> {
            assertThat(c.by()).isEqualTo("Делопроизводитель Смирнова");
            assertThat(c.reason()).isEqualTo("Ошибка в составе акта");
            assertThat(c.at()).isNotNull();
        });
        int n = first.fileTotal();
        assertThat(cli.run("act", "show", "--act", first.id().toString()).out())
                .contains("Итого " + n + " " + RussianPlural.choose(n, "дело", "дела", "дел") + " за 2019–2020 годы.")
                .contains("отменён")
                .contains("Ошибка в составе акта").contains("Делопроизводитель Смирнова");
        assertThat(cli.run("act", "execute", "--act", first.id().toString(), "--by", "Д").exitCode()).isEqualTo(2);
        assertThat(cli.run("act", "cancel", "--act", first.id().toString(), "--reason", "ещё раз", "--by", "Д")
                .exitCode()).isEqualTo(2);

        // The documents are free: the next act takes them all; agreed, it can still be cancelled.
        DestructionAct second = draft(cli, year);
        assertThat(second.documentIds()).containsExactlyInAnyOrderElementsOf(first.documentIds());
        agree(cli, second);
        assertThat(cli.run("act", "cancel", "--act", second.id().toString(), "--reason", "Протокол ЭК отозван",
                "--by", "Председатель ЭК").exitCode()).isZero();

        // Approved and executed acts are not cancelled.
        DestructionAct third = draft(cli, year);
        assertThat(third.documentIds()).containsExactlyInAnyOrderElementsOf(first.documentIds());
        agree(cli, third);
        // While it is open, another draft leaves its files where they are: nothing is left to draft.
        Cli.Result nothingLeft = cli.run("act", "draft", "--school", "cancel-school", "--year", year, "--by", "Д");
        assertThat(nothingLeft.exitCode()).isEqualTo(2);
        assertThat(acts.list("cancel-school")).hasSize(3);
        // A hold placed after the agreement stops the approval (nothing signed) until it is released.
        Cli.Result held = cli.run("hold", "place", "--scope", "document", "--document",
                third.documentIds().get(0).toString(), "--reason", "Запрос прокуратуры", "--by", "Директор");
        assertThat(held.exitCode()).as(held.err()).isZero();
        Cli.Result refused = cli.run("act", "approve", "--act", third.id().toString(), "--by", "Директор");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("не может быть утверждён").contains("Запрос прокуратуры");
        assertThat(acts.find(third.id().toString()).status()).isEqualTo(ActStatus.AGREED);
        String holdId = held.out().replaceAll("(?s).*Запрет ([0-9a-f-]{36}) установлен.*", "$1");
        assertThat(cli.run("hold", "release", "--hold", holdId, "--reason", "Запрос отозван", "--by", "Директор")
                .exitCode()).isZero();
        assertThat(cli.run("act", "approve", "--act", third.id().toString(), "--by", "Директор").exitCode()).isZero();
        Cli.Result approved = cli.run("act", "cancel", "--act", third.id().toString(), "--reason", "Передумали",
                "--by", "Д");
        assertThat(approved.exitCode()).isEqualTo(2);
        assertThat(approved.err()).contains("утверждён").contains("--act");
        assertThatThrownBy(() -> jdbc.sql("""
                UPDATE destruction_act SET status = 'cancelled', cancelled_by = 'x', cancelled_at = now(),
                    cancel_reason = 'x' WHERE id = ?""").param(third.id()).update())
                .hasMessageContaining("refused");
        assertThat(cli.run("act", "execute", "--act", third.id().toString(), "--by", "Архивист").exitCode())
                .isZero();
        assertThat(cli.run("act", "cancel", "--act", third.id().toString(), "--reason", "Поздно", "--by", "Д")
                .exitCode()).isEqualTo(2);
        assertThat(acts.find(third.id().toString()).status()).isEqualTo(ActStatus.EXECUTED);
        assertThat(acts.list("cancel-school")).extracting(DestructionAct::status)
                .containsExactly(ActStatus.CANCELLED, ActStatus.CANCELLED, ActStatus.EXECUTED);
    }

    private DestructionAct draft(Cli cli, String year) {
        Cli.Result drafted = cli.run("act", "draft", "--school", "cancel-school", "--year", year, "--by",
                "Делопроизводитель Смирнова");
        assertThat(drafted.exitCode()).as(drafted.out() + drafted.err()).isZero();
        List<DestructionAct> all = acts.list("cancel-school");
        return all.get(all.size() - 1);
    }

    private void agree(Cli cli, DestructionAct act) {
        assertThat(cli.run("act", "agree", "--act", act.id().toString(), "--protocol", "1", "--protocol-date",
                LocalDate.now().toString(), "--by", "Председатель ЭК").exitCode()).isZero();
    }
}
