package ru.journalarchive.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where {@code serve} listens ({@code archive.web.*}; {@code application.yml} maps them to {@code server.port} and
 * {@code server.address}).
 *
 * @param port    the HTTP port (0: any free port)
 * @param address the interface to bind; 127.0.0.1 by default, so only a local TLS proxy reaches the API
 * @param maxSnapshotSize the largest snapshot body {@code POST /api/v1/snapshots} accepts (larger: 413, nothing read
 *                        past the cap, nothing stored)
 */
@Validated
@ConfigurationProperties("archive.web")
record WebApiProperties(@DefaultValue("8080") @Min(0) @Max(65535) int port,
                        @DefaultValue("127.0.0.1") @NotBlank String address,
                        @DefaultValue("20MB") DataSize maxSnapshotSize) {
}
