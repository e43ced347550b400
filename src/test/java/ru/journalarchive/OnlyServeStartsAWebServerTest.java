package ru.journalarchive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only {@code serve} asks Spring for a web application; every other command keeps {@code none}. */
class OnlyServeStartsAWebServerTest {

    @Test
    void serveGetsAServletApplicationAndOtherCommandsDoNot() {
        assertThat(JournalArchiveApplication.withWebType(new String[] {"serve"}))
                .containsExactly("--spring.main.web-application-type=servlet", "serve");
        assertThat(JournalArchiveApplication.withWebType(new String[] {"--archive.data-directory=/x", "serve"}))
                .containsExactly("--spring.main.web-application-type=servlet", "--archive.data-directory=/x", "serve");
        assertThat(JournalArchiveApplication.withWebType(new String[] {"close", "example.json"}))
                .containsExactly("close", "example.json");
        assertThat(JournalArchiveApplication.withWebType(new String[] {"package", "serve"}))
                .containsExactly("package", "serve");
        assertThat(JournalArchiveApplication.withWebType(new String[0])).isEmpty();
    }
}
