package ru.journalarchive.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.disposition.CertificateEntry;
import ru.journalarchive.disposition.DestructionAct;
import ru.journalarchive.disposition.DestructionActs;
import ru.journalarchive.disposition.Disposition;
import ru.journalarchive.jobs.DispositionLauncher;
import ru.journalarchive.jobs.JobRun;
import tools.jackson.databind.json.JsonMapper;

/** The subcommands of {@code act}. */
final class ActCommands {

    private ActCommands() {
    }

    /** {@code act draft --school S --year Y --by NAME [--date D] [--basis TEXT]}. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "draft", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-disposition")
    static class Draft implements Callable<Integer> {
        @Option(names = "--school", required = true, descriptionKey = "act.school")
        String school;
        @Option(names = "--year", required = true, descriptionKey = "act.year")
        int year;
        @Option(names = "--date", descriptionKey = "act.date")
        String date;
        @Option(names = "--by", required = true, descriptionKey = "act.by")
        String by;
        @Option(names = "--basis", descriptionKey = "act.basis")
        String basis;

        private final DestructionActs acts;
        private final Messages messages;

        Draft(DestructionActs acts, Messages messages) {
            this.acts = acts;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            return ActCommand.refusing(() -> {
                DestructionAct act = acts.draft(school, year, ActCommand.date(messages, "--date", date), by, basis);
                System.out.println(messages.get("act.drafted", act.number(), String.valueOf(act.fileTotal()),
                        ActCommand.files(messages, act.fileTotal())));
                ActCommand.print(messages, act);
                return 0;
            });
        }
    }

    /** {@code act show --act ID|NUMBER [--json]}. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "show", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-disposition")
    static class Show implements Callable<Integer> {
        private static final JsonMapper JSON = JsonMapper.builder().build();
        @Option(names = "--act", required = true, descriptionKey = "act.act")
        String act;
        @Option(names = "--json", descriptionKey = "act.json")
        boolean json;

        private final DestructionActs acts;
        private final Messages messages;

        Show(DestructionActs acts, Messages messages) {
            this.acts = acts;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            return ActCommand.refusing(() -> {
                DestructionAct found = acts.find(act);
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", found.id().toString());
                    m.put("schoolId", found.schoolId());
                    m.put("number", found.number());
                    m.put("status", found.status().dbValue());
                    m.put("actDate", found.actDate().toString());
                    m.put("protocolNumber", found.protocolNumber());
                    m.put("protocolDate", found.protocolDate() == null ? null : found.protocolDate().toString());
                    m.put("approvedBy", found.approvedBy());
                    m.put("documentId", found.documentId() == null ? null : found.documentId().toString());
                    m.put("fileTotal", found.fileTotal());
                    acts.cancellation(found.id()).ifPresent(c -> m.put("cancelled", Map.of("by", c.by(),
                            "at", c.at().toString(), "reason", c.reason())));
                    m.put("rows", found.rows());
                    System.out.println(JSON.writeValueAsString(m));
                } else {
                    ActCommand.print(messages, found, acts.cancellation(found.id()).orElse(null));
                }
                return 0;
            });
        }
    }

    /** {@code act list [--school S]}. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "list", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-disposition")
    static class ListActs implements Callable<Integer> {
        @Option(names = "--school", descriptionKey = "act.school")
        String school;

        private final DestructionActs acts;
        private final Messages messages;

        ListActs(DestructionActs acts, Messages messages) {
            this.acts = acts;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            for (DestructionAct act : acts.list(school)) {
                System.out.println(messages.get("act.list.line", act.number(), act.schoolId(),
                        act.actDate().toString(), act.status().russian(), String.valueOf(act.fileTotal()),
                        act.id().toString()));
            }
            return 0;
        }
    }

    /** {@code act agree --act … --protocol N --protocol-date YYYY-MM-DD --by NAME}. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "agree", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-disposition")
    static class Agree implements Callable<Integer> {
        @Option(names = "--act", required = true, descriptionKey = "act.act")
        String act;
        @Option(names = "--protocol", required = true, descriptionKey = "act.protocol")
        String protocol;
        @Option(names = "--protocol-date", required = true, descriptionKey = "act.protocolDate")
        String protocolDate;
        @Option(names = "--by", required = true, descriptionKey = "act.by")
        String by;

        private final DestructionActs acts;
        private final Messages messages;

        Agree(DestructionActs acts, Messages messages) {
            this.acts = acts;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            return ActCommand.refusing(() -> {
                DestructionAct agreed = acts.agree(act, protocol,
                        ActCommand.date(messages, "--protocol-date", protocolDate), by);
                System.out.println(messages.get("act.agreed", agreed.number(), agreed.protocolNumber(),
                        agreed.protocolDate().toString()));
                return 0;
            });
        }
    }

    /** {@code act approve --act … --by NAME}: renders, stores, registers and signs the act. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "approve", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-disposition")
    static class Approve implements Callable<Integer> {
        @Option(names = "--act", required = true, descriptionKey = "act.act")
        String act;
        @Option(names = "--by", required = true, descriptionKey = "act.approveBy")
        String by;

        private final DestructionActs acts;
        private final Messages messages;

        Approve(DestructionActs acts, Messages messages) {
            this.acts = acts;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            return ActCommand.refusing(() -> {
                DestructionAct approved = acts.approve(act, by);
                System.out.println(messages.get("act.approved", approved.number(), approved.approvedBy(),
                        approved.documentId().toString()));
                return 0;
            });
        }
    }

    /** {@code act execute --act … --by NAME}: runs {@code dispositionJob}; exit 0 executed, 1 failed (run again). */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "execute", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-disposition")
    static class Execute implements Callable<Integer> {
        @Option(names = "--act", required = true, descriptionKey = "act.act")
        String act;
        @Option(names = "--by", required = true, descriptionKey = "act.by")
        String by;

        private final DestructionActs acts;
        private final DispositionLauncher launcher;
        private final Disposition disposition;
        private final DispositionProgress progress;
        private final Messages messages;

        Execute(DestructionActs acts, DispositionLauncher launcher, Disposition disposition,
                DispositionProgress progress, Messages messages) {
            this.acts = acts;
            this.launcher = launcher;
            this.disposition = disposition;
            this.progress = progress;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            return ActCommand.refusing(() -> {
                DestructionAct found = acts.find(act);
                int total = found.documentIds().size();
                progress.start(total - disposition.remaining(found.id()).size(), total);
                JobRun run;
                try {
                    run = launcher.execute(found.id(), by);
                } finally {
                    progress.stop();
                }
                int left = disposition.remaining(found.id()).size();
                System.out.println(messages.get("act.execute.progress", found.number(), String.valueOf(total - left),
                        String.valueOf(total)));
                if (!run.completed()) {
                    System.err.println(messages.get("act.execute.failed", found.number(), run.status()));
                    run.failures().forEach(f -> System.err.println("  " + f));
                    return 1;
                }
                System.out.println(messages.get("act.executed", found.number(),
                        String.valueOf(disposition.certificate(found.id()).size()),
                        String.valueOf(disposition.media(found.id()).size())));
                return 0;
            });
        }
    }

    /** {@code act certificate --act …}: every object, SHA-256, location, key, when and by whom. */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "certificate", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-disposition")
    static class Certificate implements Callable<Integer> {
        @Option(names = "--act", required = true, descriptionKey = "act.act")
        String act;

        private final DestructionActs acts;
        private final Disposition disposition;
        private final Messages messages;

        Certificate(DestructionActs acts, Disposition disposition, Messages messages) {
            this.acts = acts;
            this.disposition = disposition;
            this.messages = messages;
        }

        @Override
        public Integer call() {
            return ActCommand.refusing(() -> {
                DestructionAct found = acts.find(act);
                List<CertificateEntry> entries = disposition.certificate(found.id());
                System.out.println(messages.get("act.certificate.head", found.number(), found.status().russian(),
                        String.valueOf(entries.size())));
                for (CertificateEntry e : entries) {
                    System.out.println(messages.get("act.certificate.line", e.documentId().toString(), e.role(),
                            e.sha256(), String.valueOf(e.sizeBytes()), e.location(), e.key(),
                            ActCommand.shown(e.deletedAt()), e.deletedBy(), String.valueOf(e.versions())));
                }
                return 0;
            });
        }
    }
}
