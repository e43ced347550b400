package ru.journalarchive.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.retention.HoldException;
import ru.journalarchive.retention.HoldRequest;
import ru.journalarchive.retention.HoldScope;
import ru.journalarchive.retention.Holds;

/**
 * {@code hold place --scope document|class|academic-year|school …  --reason TEXT [--by NAME]}: places a hold; every
 * document it covers is kept out of destruction acts, and its S3 replicas get a legal hold.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "place", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class HoldPlaceCommand implements Callable<Integer> {

    @Option(names = "--scope", required = true, descriptionKey = "hold.place.scope")
    String scope;
    @Option(names = "--school", descriptionKey = "hold.place.school")
    String school;
    @Option(names = "--year", descriptionKey = "hold.place.year")
    String year;
    @Option(names = "--class", descriptionKey = "hold.place.class")
    String classId;
    @Option(names = "--document", descriptionKey = "hold.place.document")
    String document;
    @Option(names = "--reason", required = true, descriptionKey = "hold.place.reason")
    String reason;
    @Option(names = "--by", descriptionKey = "retention.by")
    String by;

    private final Holds holds;
    private final Messages messages;

    HoldPlaceCommand(Holds holds, Messages messages) {
        this.holds = holds;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        try {
            UUID documentId = null;
            if (document != null) {
                try {
                    documentId = UUID.fromString(document);
                } catch (IllegalArgumentException e) {
                    throw new HoldException("document", messages.get("hold.document.malformed", document));
                }
            }
            Holds.HoldResult result = holds.place(new HoldRequest(HoldScope.of(scope), school, year, classId,
                    documentId, reason, by == null ? BackupCommand.currentUser() : by));
            System.out.println(messages.get("hold.placed", result.hold().id(), result.documents(),
                    result.storageHolds()));
            System.out.println(HoldCommand.line(messages, result.hold()));
            result.storageFailures().forEach(System.err::println);
            return 0;
        } catch (HoldException e) {
            return HoldCommand.refused(e);
        }
    }
}
