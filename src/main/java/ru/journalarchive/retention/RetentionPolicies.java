package ru.journalarchive.retention;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The retention policies of every record class, loaded and checked once at start-up, and the date from which a
 * closed file may be destroyed.
 */
@Component
public class RetentionPolicies {

    private static final Logger log = LoggerFactory.getLogger(RetentionPolicies.class);
    private static final Pattern ACADEMIC_YEAR = Pattern.compile("(\\d{4})/(\\d{4})");
    /** Marker the shipped files carry until the school's records clerk fills in the article. */
    private static final String UNCONFIRMED = "НЕ ПОДТВЕРЖДЕНА";

    private final Map<String, RetentionPolicy> policies;

    RetentionPolicies(RetentionProperties properties, ResourceLoader resourceLoader) {
        this.policies = Map.copyOf(new RetentionPolicyLoader(resourceLoader).load(properties.policiesLocation()));
        // One line at every start, whatever the number of classes, until the records clerk fills the articles in.
        List<String> unconfirmed = all().stream().filter(p -> p.federalListArticle().contains(UNCONFIRMED))
                .map(RetentionPolicy::recordClass).toList();
        if (!unconfirmed.isEmpty()) {
            log.warn("Retention policies without a confirmed article of the federal list yet: {}; the records clerk "
                    + "should set federalListArticle in their YAML files", String.join(", ", unconfirmed));
        }
    }

    /**
     * Loads and checks the policies of a folder without Spring.
     *
     * @param location a resource location such as {@code classpath:retention-policies/} or {@code file:/path/}
     * @throws RetentionPolicyException naming the file and field at fault
     */
    public static RetentionPolicies load(String location) {
        return new RetentionPolicies(new RetentionProperties(location, RetentionProperties.NEVER), new DefaultResourceLoader());
    }

    /** The policies shipped with the application. */
    public static RetentionPolicies shipped() {
        return load(RetentionProperties.SHIPPED);
    }

    /**
     * The policy of a record class.
     *
     * @throws IllegalArgumentException naming the unknown class and the known ones
     */
    public RetentionPolicy get(String recordClass) {
        RetentionPolicy policy = policies.get(recordClass);
        if (policy == null) {
            throw new IllegalArgumentException(RetentionMessages.get("retention.unknown", recordClass,
                    String.join(", ", policies.keySet().stream().sorted().toList())));
        }
        return policy;
    }

    /** Every policy, ordered by record class. */
    public List<RetentionPolicy> all() {
        return policies.values().stream().sorted(java.util.Comparator.comparing(RetentionPolicy::recordClass)).toList();
    }

    /**
     * The first day a file of this class may be destroyed: the term counts from 1 January of the year after the file
     * closed. A 5-year class journal of 2024/2025 (closed in 2025, counted from 2026-01-01) may be destroyed from
     * 2031-01-01; a 5-year log of the calendar year 2026 from 2032-01-01. ЭПК items still need the expert commission.
     *
     * @param closedIn the academic year {@code YYYY/YYYY} (second year one more than the first) for a class whose
     *                 trigger is {@code end-of-academic-year}, the calendar year {@code YYYY} for
     *                 {@code end-of-calendar-year}
     * @return the date, or {@code null} for a permanent record class (never destroyed)
     * @throws IllegalArgumentException for an unknown record class or a malformed year
     */
    public LocalDate eligibleForDestructionFrom(String recordClass, String closedIn) {
        RetentionPolicy policy = get(recordClass);
        int closedInYear = RetentionPolicy.END_OF_CALENDAR_YEAR.equals(policy.trigger())
                ? calendarYear(closedIn) : endYear(closedIn);
        return policy.permanent() ? null : LocalDate.of(closedInYear + 1, 1, 1).plusYears(policy.termYears());
    }

    /**
     * Whether a destruction act drawn up in {@code actYear} may include the file: its term must have expired by
     * 1 January of that year. Never for a permanent class. Says nothing about ЭПК or holds, which the caller checks.
     */
    public boolean termExpiredForActDrawnUpIn(String recordClass, String closedIn, int actYear) {
        LocalDate eligible = eligibleForDestructionFrom(recordClass, closedIn);
        return eligible != null && !eligible.isAfter(LocalDate.of(actYear, 1, 1));
    }

    private static int calendarYear(String year) {
        if (year == null || !year.matches("\\d{4}")) {
            throw new IllegalArgumentException(RetentionMessages.get("retention.calendarYear.invalid", year));
        }
        return Integer.parseInt(year);
    }

    private static int endYear(String academicYear) {
        Matcher m = academicYear == null ? null : ACADEMIC_YEAR.matcher(academicYear);
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw new IllegalArgumentException(RetentionMessages.get("retention.academicYear.invalid", academicYear));
        }
        return Integer.parseInt(m.group(2));
    }
}
