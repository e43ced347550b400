package ru.journalarchive.regulations;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad regulation profile at start-up into Spring Boot's short failure report (the Russian message naming the
 * file, field and reason, and what to do) instead of a page of stack trace. Registered in
 * {@code META-INF/spring.factories}; public because Spring Boot instantiates it by reflection.
 */
public class RegulationFailureAnalyzer extends AbstractFailureAnalyzer<RegulationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RegulationException cause) {
        return new FailureAnalysis(cause.getMessage(), RegulationMessages.get("regulations.action", cause.file()),
                cause);
    }
}
