package ru.journalarchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ru.journalarchive.papercopies.PaperCopyException;
import ru.journalarchive.papercopies.PrintPackets;
import ru.journalarchive.registry.ArchivedDocument;
import ru.journalarchive.registry.DocumentQuery;
import ru.journalarchive.registry.DocumentRegistry;

/** {@code packet}: print packets of archived class journals; the work is done by {@code packet print}. */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE) // fresh option values on every run in one JVM (tests, serve)
@Command(name = "packet", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-papercopies",
        subcommands = PacketCommand.Print.class)
class PacketCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * {@code packet print --document ID --out FILE.pdf}, or {@code --school S --period P [--year Y] [--class C] --out
     * DIR} for one file per class journal: the print packet rendered from the archive's verified frozen JSON.
     */
    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "print", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-papercopies")
    static class Print implements Callable<Integer> {

        @Option(names = "--document", descriptionKey = "paper.option.document")
        String document;
        @Option(names = "--school", descriptionKey = "filter.school")
        String school;
        @Option(names = "--period", descriptionKey = "paper.option.period")
        String period;
        @Option(names = "--year", descriptionKey = "filter.year")
        String year;
        @Option(names = "--class", descriptionKey = "filter.class")
        String classId;
        @Option(names = "--out", descriptionKey = "paper.option.out")
        String out;

        private final PrintPackets packets;
        private final DocumentRegistry registry;
        private final PaperTexts texts;

        Print(PrintPackets packets, DocumentRegistry registry, PaperTexts texts) {
            this.packets = packets;
            this.registry = registry;
            this.texts = texts;
        }

        @Override
        public Integer call() {
            try {
                Path target = Path.of(PaperInput.required("--out", out));
                if (document != null) {
                    if (school != null || period != null || year != null || classId != null) {
                        throw new PaperInput.Refused("paper.input.documentOrSelection");
                    }
                    UUID id = PaperInput.uuid("--document", document);
                    if (Files.isDirectory(target)) {
                        throw new PaperInput.Refused("paper.input.outIsDirectory", target);
                    }
                    write(packets.render(id), target);
                    return 0;
                }
                DocumentQuery query = new DocumentQuery(PaperInput.required("--school", school),
                        PaperInput.academicYear("--year", year), PaperInput.period("--period", period), classId);
                List<ArchivedDocument> journals = registry.list(query).stream()
                        .filter(d -> PrintPackets.CLASS_JOURNAL.equals(d.documentType())).toList();
                if (journals.isEmpty()) {
                    throw new PaperCopyException("noDocuments", query.schoolId(),
                            query.academicYear() == null ? "—" : query.academicYear(), query.periodId());
                }
                if (Files.exists(target) && !Files.isDirectory(target)) {
                    throw new PaperInput.Refused("paper.input.outNotDirectory", target);
                }
                // Everything is rendered before anything is written: a refusal leaves no partial set of files.
                List<PrintPackets.Packet> rendered = new ArrayList<>();
                for (ArchivedDocument journal : journals) {
                    rendered.add(packets.render(journal.id()));
                }
                Files.createDirectories(target);
                for (PrintPackets.Packet packet : rendered) {
                    ArchivedDocument d = packet.document();
                    write(packet, target.resolve("packet_" + d.schoolId() + "_" + d.academicYear().replace('/', '-')
                            + "_" + d.periodId() + "_" + d.classId() + "_v" + d.version() + ".pdf"));
                }
                System.out.println(texts.get("packet.total", rendered.size(), target));
                return 0;
            } catch (PaperInput.Refused e) {
                return texts.refused(e);
            } catch (PaperCopyException e) {
                return texts.refused(e);
            } catch (IOException e) {
                System.err.println(texts.get("packet.writeFailed", out, e.getMessage()));
                return PaperTexts.REFUSED;
            }
        }

        private void write(PrintPackets.Packet packet, Path file) throws IOException {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Written beside the target and moved into place: no half-written PDF under the final name.
            Path partial = Files.createTempFile(parent, ".packet-", ".part");
            try {
                Files.write(partial, packet.pdf().pdf());
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
            ArchivedDocument d = packet.document();
            System.out.println(texts.get("packet.written", d.className(), texts.period(d.periodId()), d.academicYear(), file,
                    packet.pdf().pageCount()));
            System.out.println("  " + texts.get("packet.next", d.id(), packet.pdf().pageCount()));
        }
    }
}
