package ru.journalarchive.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.jobs.JobRun;
import ru.journalarchive.jobs.RetentionReviewLauncher;
import ru.journalarchive.retention.RetentionReview;
import ru.journalarchive.retention.RetentionReviewResult;
import ru.journalarchive.retention.ReviewFile;
import ru.journalarchive.retention.ReviewGroup;
import ru.journalarchive.text.RussianPlural;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code retention review [--year Y] [--school S] [--json]}: runs {@code retentionReviewJob} and prints what a
 * destruction act drawn up in that year may include (grouped as its table), the ЭПК files for the expert commission
 * and the held files, none of which may go into an act.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "review", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class RetentionReviewCommand implements Callable<Integer> {

    @Option(names = "--year", descriptionKey = "retention.review.year")
    Integer year;
    @Option(names = "--school", descriptionKey = "retention.review.school")
    String school;
    @Option(names = "--json", descriptionKey = "retention.review.json")
    boolean json;
    @Option(names = "--by", descriptionKey = "retention.by")
    String by;

    private final RetentionReviewLauncher launcher;
    private final RetentionReview review;
    private final Messages messages;

    RetentionReviewCommand(RetentionReviewLauncher launcher, RetentionReview review, Messages messages) {
        this.launcher = launcher;
        this.review = review;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        if (year != null && (year < 2000 || year > 2200)) {
            System.err.println(messages.get("retention.review.badYear", String.valueOf(year)));
            return 2;
        }
        JobRun run = launcher.review(year, school, by == null ? BackupCommand.currentUser() : by);
        if (!run.completed()) {
            System.err.println(messages.get("retention.review.failed", run.status()));
            run.failures().forEach(f -> System.err.println("  " + f));
            return 1;
        }
        RetentionReviewResult result = review.review(year == null ? launcher.currentYear() : year, school);
        if (json) {
            System.out.println(JsonMapper.builder().build().writeValueAsString(toJson(result)));
        } else {
            print(result);
        }
        return 0;
    }

    private void print(RetentionReviewResult r) {
        System.out.println(messages.get("retention.review.title", String.valueOf(r.actYear()),
                r.cutoff().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")),
                r.schoolId() == null ? messages.get("retention.review.allSchools") : r.schoolId()));
        System.out.println(messages.get("retention.review.eligible", files(r.eligibleFiles())));
        int row = 1;
        for (ReviewGroup g : r.eligible()) {
            System.out.println(messages.get("retention.review.group", row++, g.nomenclatureIndex(), g.title(),
                    g.firstAcademicYear(), g.lastAcademicYear(), g.files().size(), termText(g.termYears()),
                    g.federalListArticle(), g.schoolId()));
            g.files().forEach(this::printFile);
        }
        System.out.println(messages.get("retention.review.epk", files(r.epk().size())));
        r.epk().forEach(this::printFile);
        System.out.println(messages.get("retention.review.held", files(r.held().size())));
        for (ReviewFile f : r.held()) {
            printFile(f);
            System.out.println(messages.get("retention.review.holdReasons", String.join("; ", f.holdReasons())));
        }
    }

    private void printFile(ReviewFile f) {
        System.out.println(messages.get("retention.review.file", f.schoolId(), f.academicYear(),
                f.className() == null ? "—" : f.className(), f.title(), f.documentIds().size(),
                f.eligibleFrom().toString()));
    }

    /** «1 дело», «3 дела», «5 дел». */
    private String files(int n) {
        return n + " " + RussianPlural.choose(n, messages.get("retention.files.one"), messages.get("retention.files.few"),
                messages.get("retention.files.many"));
    }

    private String termText(int years) {
        return years == 0 ? messages.get("retention.term.permanent") : String.valueOf(years);
    }

    private static Map<String, Object> toJson(RetentionReviewResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("actYear", r.actYear());
        m.put("cutoff", r.cutoff().toString());
        m.put("schoolId", r.schoolId());
        List<Object> groups = new ArrayList<>();
        for (ReviewGroup g : r.eligible()) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("schoolId", g.schoolId());
            group.put("recordClass", g.recordClass());
            group.put("title", g.title());
            group.put("nomenclatureIndex", g.nomenclatureIndex());
            group.put("termYears", g.termYears());
            group.put("federalListArticle", g.federalListArticle());
            group.put("firstAcademicYear", g.firstAcademicYear());
            group.put("lastAcademicYear", g.lastAcademicYear());
            group.put("files", g.files().stream().map(RetentionReviewCommand::file).toList());
            groups.add(group);
        }
        m.put("eligible", groups);
        m.put("epk", r.epk().stream().map(RetentionReviewCommand::file).toList());
        m.put("held", r.held().stream().map(RetentionReviewCommand::file).toList());
        return m;
    }

    private static Map<String, Object> file(ReviewFile f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schoolId", f.schoolId());
        m.put("recordClass", f.recordClass());
        m.put("academicYear", f.academicYear());
        m.put("classId", f.classId());
        m.put("className", f.className());
        m.put("eligibleFrom", f.eligibleFrom().toString());
        m.put("documentIds", f.documentIds().stream().map(Object::toString).toList());
        m.put("holdReasons", f.holdReasons());
        return m;
    }
}
