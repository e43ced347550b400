package ru.journalarchive.cli;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.retrieval.DocumentRetrieval;
import ru.journalarchive.retrieval.RetrievalRefusedException;
import ru.journalarchive.retrieval.RetrievalRequest;
import ru.journalarchive.retrieval.RetrievalResult;

/**
 * {@code retrieve}: hands out an archived document as a file, from a replica whose SHA-256 equals the registry's
 * (a damaged or missing one is named and skipped). Exit 0 handed out, 1 no intact replica (nothing written), 2 bad
 * input. Every retrieval goes to the access log.
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "retrieve", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-search")
class RetrieveCommand implements Callable<Integer> {

    @Option(names = "--document", descriptionKey = "retrieve.document")
    String document;
    @Option(names = "--role", descriptionKey = "retrieve.role")
    String role;
    @Option(names = "--out", descriptionKey = "retrieve.out")
    Path out;
    @Option(names = "--purpose", descriptionKey = "retrieve.purpose")
    String purpose;
    @Option(names = "--by", descriptionKey = "retrieve.by")
    String by;
    @Option(names = "--requester", descriptionKey = "retrieve.requester")
    String requester;

    private final DocumentRetrieval retrieval;
    private final Messages messages;

    RetrieveCommand(DocumentRetrieval retrieval, Messages messages) {
        this.retrieval = retrieval;
        this.messages = messages;
    }

    @Override
    public Integer call() {
        UUID id;
        try {
            id = UUID.fromString(document == null ? "" : document.strip());
        } catch (IllegalArgumentException e) {
            System.err.println(messages.get("retrieve.error.document", document == null ? "" : document));
            return SearchCommand.BAD_INPUT;
        }
        if (role != null && !role.equals(ArchivedDocument.ROLE_PDF) && !role.equals(ArchivedDocument.ROLE_SIGNED_PDF)
                && !role.equals(ArchivedDocument.ROLE_SOURCE_JSON)) {
            System.err.println(messages.get("retrieve.error.role", role));
            return SearchCommand.BAD_INPUT;
        }
        if (out == null) {
            System.err.println(messages.get("retrieve.error.outMissing"));
            return SearchCommand.BAD_INPUT;
        }
        RetrievalResult result;
        try {
            result = retrieval.retrieve(new RetrievalRequest(id, role, out, by, purpose, requester));
        } catch (RetrievalRefusedException refused) {
            System.err.println(switch (refused.reason()) {
                case ACTOR_MISSING -> messages.get("retrieve.error.by");
                case PURPOSE_MISSING -> messages.get("retrieve.error.purpose");
                case NO_SUCH_DOCUMENT -> messages.get("retrieve.error.noDocument", id.toString());
                case NO_SUCH_ROLE -> messages.get("retrieve.error.noRole", role == null ? "pdf" : role);
                case OUT_EXISTS -> messages.get("retrieve.error.outExists", out.toString());
                case OUT_DIRECTORY_MISSING -> messages.get("retrieve.error.outDirectory", out.toString());
                case DESTROYED -> messages.get("retrieve.error.destroyed", id.toString(), refused.getMessage());
            });
            return SearchCommand.BAD_INPUT;
        }
        for (RetrievalResult.SkippedReplica skipped : result.skipped()) {
            System.err.println(messages.get("retrieve.skipped." + skipped.reason().name(), skipped.location(),
                    skipped.key(), skipped.actualSha256() == null ? "" : skipped.actualSha256()));
        }
        if (!result.retrieved()) {
            System.err.println(messages.get("retrieve.failed", result.object().replicas().size()));
            return 1;
        }
        System.out.println(messages.get("retrieve.done", result.out().toString(), result.object().role(),
                result.location(), result.object().sha256()));
        return 0;
    }
}
