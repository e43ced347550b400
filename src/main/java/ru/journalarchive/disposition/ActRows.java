package ru.journalarchive.disposition;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ru.journalarchive.retention.ReviewFile;
import ru.journalarchive.retention.ReviewGroup;

/** Builds the act's table rows from the annual review's groups (one row per record class and file-plan index). */
final class ActRows {

    private ActRows() {
    }

    static List<DestructionAct.Row> of(List<ReviewGroup> groups) {
        List<DestructionAct.Row> rows = new ArrayList<>();
        for (ReviewGroup group : groups) {
            List<String> classes = group.files().stream().map(ReviewFile::className)
                    .filter(c -> c != null && !c.isBlank()).distinct().sorted().toList();
            String title = classes.isEmpty() ? group.title() : group.title() + ": " + String.join(", ", classes);
            List<String> years = group.files().stream().map(ReviewFile::academicYear).distinct().sorted().toList();
            int first = Integer.parseInt(group.firstAcademicYear().substring(0, 4));
            int last = Integer.parseInt(group.lastAcademicYear().substring(5, 9));
            String inventories = "Номенклатура дел за " + String.join(", ", years) + " уч. г.";
            List<UUID> documents = group.files().stream().flatMap(f -> f.documentIds().stream()).toList();
            rows.add(new DestructionAct.Row(rows.size() + 1, group.recordClass(), title, first + "–" + last,
                    inventories, group.nomenclatureIndex(), group.files().size(), first, last,
                    retention(group.termYears(), group.federalListArticle()),
                    "Электронные документы: " + documents.size(), documents));
        }
        return rows;
    }

    /** «5 лет, ст. 123»; an article still unconfirmed in the policy shows as such, so the clerk notices. */
    static String retention(int years, String article) {
        String shownArticle = article == null ? "—" : article.split(" — ")[0].strip();
        return years + " " + yearsWord(years) + ", ст. " + shownArticle;
    }

    static String yearsWord(int n) {
        int mod100 = n % 100;
        int mod10 = n % 10;
        if (mod100 >= 11 && mod100 <= 14) {
            return "лет";
        }
        return mod10 == 1 ? "год" : mod10 >= 2 && mod10 <= 4 ? "года" : "лет";
    }
}
