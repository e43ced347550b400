package ru.journalarchive.registryjournal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start refused by the registry identity check into Spring Boot's short failure report (Russian: which
 * location, which registry, what to do) instead of a stack trace. Registered in {@code META-INF/spring.factories};
 * public because Spring Boot instantiates it by reflection.
 */
public class RegistryIdentityFailureAnalyzer extends AbstractFailureAnalyzer<RegistryIdentityException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RegistryIdentityException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
