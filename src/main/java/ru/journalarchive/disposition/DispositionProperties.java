package ru.journalarchive.disposition;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Destruction acts ({@code archive.disposition.*}).
 *
 * @param directorPosition the approver's position in the «УТВЕРЖДАЮ» block
 * @param basis            the default basis of an act («На основании …»), in the instrumental case
 */
@Validated
@ConfigurationProperties("archive.disposition")
public record DispositionProperties(@DefaultValue("Директор") @NotBlank String directorPosition,
        @DefaultValue("Перечня типовых управленческих архивных документов, образующихся в процессе деятельности государственных органов, органов местного самоуправления и организаций, с указанием сроков их хранения (Приказ Росархива от 20.12.2019 № 236) и номенклатуры дел школы")
        @NotBlank String basis) {
}
