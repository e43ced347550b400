package ru.journalarchive.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

/** The archive.snapshot.* limits bind with their documented defaults and accept overrides. */
class SnapshotPropertiesTest {

    @Test
    void unsetPropertiesTakeTheDocumentedDefaults() {
        SnapshotProperties bound = new Binder(new MapConfigurationPropertySource(Map.of()))
                .bindOrCreate("archive.snapshot", SnapshotProperties.class);

        assertThat(bound).isEqualTo(SnapshotProperties.defaults());
        assertThat(bound.maxFileSize()).isEqualTo(DataSize.ofMegabytes(200));
        assertThat(bound.maxStringLength()).isEqualTo(20_000);
        assertThat(bound.maxNestingDepth()).isEqualTo(32);
    }

    @Test
    void anOperatorCanRaiseTheFileSizeLimit() {
        SnapshotProperties bound = new Binder(new MapConfigurationPropertySource(
                Map.of("archive.snapshot.max-file-size", "1GB"))).bindOrCreate("archive.snapshot",
                SnapshotProperties.class);

        assertThat(bound.maxFileSize()).isEqualTo(DataSize.ofGigabytes(1));
    }
}
