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

    /**
     * Only {@code serve} starts the embedded web server (the REST API); every other command runs with
     * {@code spring.main.web-application-type=none} from {@code application.yml}, so it starts as fast as before.
     * Decided here, before Spring starts, from the first argument that is not a {@code --property}.
     */
    static String[] withWebType(String[] args) {
        String command = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).findFirst().orElse("");
        if (!command.equals("serve")) {
            return args;
        }
        String[] withServlet = new String[args.length + 1];
        withServlet[0] = "--spring.main.web-application-type=servlet"; // beats application.yml; picocli never sees it
        System.arraycopy(args, 0, withServlet, 1, args.length);
        return withServlet;
    }

    public static void main(String[] args) {
        if (args.length >= 2 && args[0].equals("sign") && args[1].equals("offline")) {
            // The director's machine: no database, no storage, no server — only the token and the batch folder.
            System.exit(ru.journalarchive.cli.SignOfflineCommand.run(java.util.Arrays.copyOfRange(args, 2, args.length)));
        }
        System.exit(SpringApplication.exit(SpringApplication.run(JournalArchiveApplication.class, withWebType(args))));
    }
}
