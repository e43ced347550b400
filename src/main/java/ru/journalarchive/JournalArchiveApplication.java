package ru.journalarchive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point of Journal Archive: one executable jar that runs the CLI commands and the batch jobs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class JournalArchiveApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(JournalArchiveApplication.class, args)));
    }
}
