package ru.journalarchive.archiving;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import ru.journalarchive.regulations.RegulationProfile;
import ru.journalarchive.regulations.Regulations;

/**
 * The notes a school's regulation puts on its archived documents: for a school that keeps no paper copies (regime
 * {@code none}, 001 §1.6, §1.10) the journal's title page and the summary statement say «Электронный оригинал.
 * Бумажная копия не ведётся (…basis…)»; other regimes put none. Rendering gets the texts (and the school's time zone)
 * as data.
 */
@Component
class ElectronicOriginal {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private final Regulations regulations;
    private final MessageSource messages;

    ElectronicOriginal(Regulations regulations, MessageSource messages) {
        this.regulations = regulations;
        this.messages = messages;
    }

    /** The notes for the documents of a school: one line under regime {@code none}, else none. */
    List<String> notes(String schoolId) {
        RegulationProfile profile = regulations.forSchool(schoolId);
        if (profile.paper().regime() != RegulationProfile.PaperRegime.NONE) {
            return List.of();
        }
        return List.of(messages.getMessage("paper.regime.electronicOriginal", new Object[] {profile.basis()}, RU));
    }

    /** The school's time zone, as its regulation says: the times its documents show. */
    java.time.ZoneId zone(String schoolId) {
        return regulations.forSchool(schoolId).timeZone();
    }
}
