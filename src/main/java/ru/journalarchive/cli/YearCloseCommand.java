package ru.journalarchive.cli;

import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.jobs.JobRun;
import ru.journalarchive.jobs.YearCloseLauncher;

/**
 * {@code year-close --school S --year 2024/2025}: runs {@code yearCloseJob} explicitly (the {@code close} of the last
 * period runs it by itself). Exit 0 when every statement is archived, 3 when retroactive changes of earlier periods'
 * final marks were reported, 1 when the job failed (run again to resume), 2 for bad input.
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "year-close", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-yearclose")
class YearCloseCommand implements Callable<Integer> {

    static final int BAD_INPUT = 2;
    static final String ID = "[A-Za-z0-9._-]{1,64}";

    @Option(names = "--school", required = true, descriptionKey = "yearclose.school")
    String school;
    @Option(names = "--year", required = true, descriptionKey = "yearclose.year")
    String year;

    private final YearCloseLauncher launcher;
    private final YearCloseReport report;
    private final Messages messages;

    YearCloseCommand(YearCloseLauncher launcher, YearCloseReport report, Messages messages) {
        this.launcher = launcher;
        this.report = report;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        if (!school.matches(ID)) {
            System.err.println(messages.get("yearclose.bad.school", school));
            return BAD_INPUT;
        }
        if (!validYear(year)) {
            System.err.println(messages.get("yearclose.bad.year", year));
            return BAD_INPUT;
        }
        JobRun run = launcher.close(school, year);
        return report.print(school, year, run, System.out, System.err);
    }

    static boolean validYear(String year) {
        return year.matches("[0-9]{4}/[0-9]{4}")
                && Integer.parseInt(year.substring(5)) == Integer.parseInt(year.substring(0, 4)) + 1;
    }
}
