package ru.journalarchive.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectKeysTests {

    @Test
    void aClassJournalPdfKeyFollowsTheDocumentedLayout() {
        assertThat(ObjectKeys.classJournalPdf("sosh-7", "2024/2025", "Q2", "5a", 1))
                .isEqualTo("sosh-7/2024-2025/Q2/5a/class-journal/v1/class-journal.pdf");
    }

    @Test
    void theFrozenJsonSitsBesideThePdfOfTheSameVersion() {
        assertThat(ObjectKeys.classJournalJson("sosh-7", "2024-2025", "H1", "10b", 2))
                .isEqualTo("sosh-7/2024-2025/H1/10b/class-journal/v2/class-journal.json");
    }

    @Test
    void partsThatWouldBreakTheLayoutAreRejectedNamingThePart() {
        assertThatThrownBy(() -> ObjectKeys.classJournalPdf("../etc", "2024/2025", "Q2", "5a", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schoolId");
        assertThatThrownBy(() -> ObjectKeys.classJournalPdf("sosh-7", "2024/2026", "Q2", "5a", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("academicYear");
        assertThatThrownBy(() -> ObjectKeys.classJournalPdf("sosh-7", "2024/2025", "Q 2", "5a", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("periodId");
        assertThatThrownBy(() -> ObjectKeys.classJournalPdf("sosh-7", "2024/2025", "Q2", "5/a", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classId");
        assertThatThrownBy(() -> ObjectKeys.classJournalPdf("sosh-7", "2024/2025", "Q2", "5a", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Version");
    }
}
