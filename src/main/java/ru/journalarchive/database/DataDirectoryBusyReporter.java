package ru.journalarchive.database;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;

/**
 * Prints a start refused by {@link DataDirectoryBusyException} as its one Russian line on standard error, instead of
 * Spring Boot's failure report with a stack trace; the exit code comes from the exception. Registered in
 * {@code META-INF/spring.factories}, ahead of Boot's own reporter; public because Spring Boot instantiates it by
 * reflection.
 */
public class DataDirectoryBusyReporter implements SpringBootExceptionReporter, Ordered {

    @Override
    public boolean reportException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataDirectoryBusyException busy) {
                System.err.println(busy.getMessage());
                System.err.flush();
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
