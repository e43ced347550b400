package ru.journalarchive.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class StoragePropertiesBindingTests {

    @Test
    void theDocumentedPropertiesBindAndMinimumCopiesDefaultsToTwo() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "archive.storage.locations[0].name", "site-a",
                "archive.storage.locations[0].type", "filesystem",
                "archive.storage.locations[0].path", "data/storage/site-a",
                "archive.storage.locations[1].name", "site-b",
                "archive.storage.locations[1].type", "filesystem",
                "archive.storage.locations[1].path", "data/storage/site-b")));

        StorageProperties properties = binder.bind("archive.storage", StorageProperties.class).get();

        assertThat(properties.minimumCopies()).isEqualTo(2);
        assertThat(properties.locations()).extracting(StorageProperties.Location::name)
                .containsExactly("site-a", "site-b");
        assertThat(properties.locations().get(1).path()).isEqualTo(Path.of("data/storage/site-b"));
    }
}
