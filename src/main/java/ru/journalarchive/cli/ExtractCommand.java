package ru.journalarchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import ru.journalarchive.archiving.PupilExtracts;
import ru.journalarchive.freezing.PupilExtract;
import ru.journalarchive.freezing.SummaryStatements;

/**
 * {@code extract --pupil ID [--school S] --purpose TEXT --requester TEXT --out FILE.pdf}: issues a signed extract of
 * one pupil's final marks over every year the archive holds statements for, and records it in the extract register.
 * Exit 0 when written, 2 for bad input or an unknown pupil (nothing written, nothing recorded).
 */
@Component
@Scope("prototype") // options must not carry over between runs in one process
@Command(name = "extract", mixinStandardHelpOptions = true, resourceBundle = "i18n.cli-yearclose")
class ExtractCommand implements Callable<Integer> {

    @Option(names = "--pupil", required = true, descriptionKey = "extract.pupil")
    String pupil;
    @Option(names = "--school", descriptionKey = "extract.school")
    String school;
    @Option(names = "--purpose", required = true, descriptionKey = "extract.purpose")
    String purpose;
    @Option(names = "--requester", required = true, descriptionKey = "extract.requester")
    String requester;
    @Option(names = "--out", required = true, descriptionKey = "extract.out")
    Path out;
    @Option(names = "--by", descriptionKey = "extract.by")
    String by;

    private final PupilExtracts extracts;
    private final Messages messages;

    ExtractCommand(PupilExtracts extracts, Messages messages) {
        this.extracts = extracts;
        this.messages = messages;
    }

    @Override
    public Integer call() throws IOException {
        String problem = problem();
        if (problem != null) {
            System.err.println(problem);
            return YearCloseCommand.BAD_INPUT;
        }
        List<SummaryStatements.Stored> sources = extracts.sources(pupil, school);
        if (sources.isEmpty()) {
            System.err.println(messages.get("extract.unknown", pupil,
                    school == null ? "" : messages.get("extract.unknown.school", school)));
            return YearCloseCommand.BAD_INPUT;
        }
        List<String> schools = sources.stream().map(SummaryStatements.Stored::schoolId).distinct().toList();
        if (school == null && schools.size() > 1) {
            System.err.println(messages.get("extract.several", pupil, String.join(", ", schools)));
            return YearCloseCommand.BAD_INPUT;
        }
        if (extracts.wouldHoldNoMarks(pupil, school)) {
            String name = sources.stream().flatMap(st -> st.statement().students().stream())
                    .filter(p -> p.id().equals(pupil)).map(p -> p.fullName()).findFirst().orElse(pupil);
            System.err.println(messages.get("extract.noMarks", name));
            return YearCloseCommand.BAD_INPUT;
        }
        // Written beside the target and moved into place: the file appears whole or not at all. The temporary file is
        // made before the extract is issued (--out was checked above), so an unwritable folder never leaves an issued
        // extract that nobody received; the register keeps a copy of every issued extract's PDF all the same.
        Path target = out.toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), ".extract-", ".part");
        PupilExtracts.Issued issued;
        try {
            issued = extracts.issue(new PupilExtracts.Request(pupil, school, purpose, requester,
                    by == null || by.isBlank() ? System.getProperty("user.name", "?") : by.strip()));
        } catch (RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        try {
            Files.write(partial, issued.pdf());
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        System.out.println(messages.get("extract.done", issued.number(), target));
        System.out.println(messages.get("extract.years", String.join(", ", issued.extract().years().stream()
                .map(PupilExtract.Year::academicYear).toList()), issued.extract().years().size()));
        System.out.println(messages.get("extract.signed", issued.signed().signerSubject(),
                issued.signed().signingTime()));
        System.out.println(messages.get("extract.sha", issued.sha256()));
        return 0;
    }

    /** The first thing wrong with the input, in Russian, or null. */
    private String problem() {
        if (!pupil.matches(YearCloseCommand.ID)) {
            return messages.get("extract.bad.pupil", pupil);
        }
        if (school != null && !school.matches(YearCloseCommand.ID)) {
            return messages.get("extract.bad.school", school);
        }
        if (purpose.isBlank()) {
            return messages.get("extract.bad.purpose");
        }
        if (requester.isBlank()) {
            return messages.get("extract.bad.requester");
        }
        Path target = out.toAbsolutePath();
        if (!target.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            return messages.get("extract.bad.out", out, messages.get("extract.bad.out.extension"));
        }
        if (target.getParent() == null || !Files.isDirectory(target.getParent())) {
            return messages.get("extract.bad.out", out, messages.get("extract.bad.out.folder"));
        }
        if (Files.exists(target)) {
            return messages.get("extract.bad.out", out, messages.get("extract.bad.out.exists"));
        }
        return null;
    }
}
