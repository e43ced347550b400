package ru.journalarchive.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import ru.journalarchive.audit.AuditHistory;
import ru.journalarchive.registry.RetentionForecast;
import ru.journalarchive.retention.RetentionPolicies;
import ru.journalarchive.security.Caller;

/**
 * {@code /it/charts}: two server-drawn charts — per day and location, the replicas the audits found intact and
 * damaged over the last 30 days; per year and record class, the caller's schools' documents that become eligible for
 * destruction.
 */
@Controller
@RequestMapping("/it/charts")
class ItChartPages {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM");

    private final AuditHistory history;
    private final RetentionForecast forecast;
    private final RetentionPolicies policies;
    private final MessageSource messages;

    ItChartPages(AuditHistory history, RetentionForecast forecast, RetentionPolicies policies,
            MessageSource messages) {
        this.history = history;
        this.forecast = forecast;
        this.policies = policies;
        this.messages = messages;
    }

    @GetMapping
    String charts(@AuthenticationPrincipal Caller caller, Model model) {
        model.addAttribute("healthChart", healthChart());
        model.addAttribute("retentionChart", retentionChart(caller));
        return "it/charts";
    }

    private String healthChart() {
        ZoneId zone = ZoneId.systemDefault();
        LocalDate from = LocalDate.now(zone).minusDays(ItStorageHealth.DAYS);
        List<AuditHistory.Day> days = history.daily(from.atStartOfDay(zone).toInstant(), zone);
        TreeSet<LocalDate> dates = new TreeSet<>();
        TreeSet<String> locations = new TreeSet<>();
        days.forEach(d -> {
            dates.add(d.day());
            locations.add(d.location());
        });
        List<String> categories = dates.stream().map(DAY::format).toList();
        List<ItSvgChart.Series> series = new ArrayList<>();
        int shade = 0;
        for (String location : locations) {
            for (boolean intact : new boolean[] {true, false}) {
                List<Long> values = dates.stream().map(date -> days.stream()
                        .filter(d -> d.day().equals(date) && d.location().equals(location))
                        .mapToLong(d -> intact ? d.intact() : d.damaged()).sum()).toList();
                // Intact copies in greens and blues, damaged ones in reds and oranges, one shade per location.
                series.add(new ItSvgChart.Series(text(intact ? "it.charts.intact" : "it.charts.damaged", location),
                        values, intact ? (shade % 2 == 0 ? 0 : 2) : (shade % 2 == 0 ? 1 : 3)));
            }
            shade++;
        }
        return ItSvgChart.bars("chart-health", text("it.charts.health"), categories, series, false);
    }

    private String retentionChart(Caller caller) {
        List<RetentionForecast.YearCount> counts = forecast.perYear(caller.schools());
        TreeSet<Integer> years = new TreeSet<>();
        Map<String, Map<Integer, Long>> byClass = new LinkedHashMap<>();
        counts.forEach(c -> {
            years.add(c.year());
            byClass.computeIfAbsent(c.recordClass(), k -> new LinkedHashMap<>()).put(c.year(), c.documents());
        });
        List<ItSvgChart.Series> series = byClass.entrySet().stream()
                .map(e -> new ItSvgChart.Series(title(e.getKey()),
                        years.stream().map(y -> e.getValue().getOrDefault(y, 0L)).toList()))
                .toList();
        return ItSvgChart.bars("chart-retention", text("it.charts.retention"),
                years.stream().map(String::valueOf).toList(), series, true);
    }

    private String title(String recordClass) {
        try {
            return policies.get(recordClass).title();
        } catch (IllegalArgumentException e) {
            return recordClass;
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
