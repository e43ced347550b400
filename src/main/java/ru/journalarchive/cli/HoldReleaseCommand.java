package ru.journalarchive.cli;

import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.retention.HoldException;
import ru.journalarchive.retention.Holds;

/** {@code hold release --hold ID --reason TEXT [--by NAME]}: releases a hold; the record of it stays. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "release", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli")
class HoldReleaseCommand implements Callable<Integer> {

    @Option(names = "--hold", required = true, descriptionKey = "hold.release.hold")
    String hold;
    @Option(names = "--reason", required = true, descriptionKey = "hold.release.reason")
    String reason;
    @Option(names = "--by", descriptionKey = "retention.by")
    String by;

    private final Holds holds;
    private final Messages messages;

    HoldReleaseCommand(Holds holds, Messages messages) {
        this.holds = holds;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        try {
            UUID id;
            try {
                id = UUID.fromString(hold);
            } catch (IllegalArgumentException e) {
                throw new HoldException("hold", messages.get("hold.id.malformed", hold));
            }
            Holds.HoldResult result = holds.release(id, reason, by == null ? BackupCommand.currentUser() : by);
            System.out.println(messages.get("hold.released", id, result.documents(), result.storageHolds()));
            System.out.println(HoldCommand.line(messages, result.hold()));
            result.storageFailures().forEach(System.err::println);
            return 0;
        } catch (HoldException e) {
            return HoldCommand.refused(e);
        }
    }
}
