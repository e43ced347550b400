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
        if (args.length >= 2 && args[0].equals("sign") && args[1].equals("offline")) {
            // The director's machine: no database, no storage, no server — only the token and the batch folder.
            System.exit(ru.journalarchive.cli.SignOfflineCommand.run(java.util.Arrays.copyOfRange(args, 2, args.length)));
        }
        System.exit(SpringApplication.exit(SpringApplication.run(JournalArchiveApplication.class, args)));
    }
}
