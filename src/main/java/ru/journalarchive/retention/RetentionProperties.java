package ru.journalarchive.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the retention policies are loaded from ({@code archive.retention.*}).
 *
 * @param policiesLocation a Spring resource location of a folder of {@code *.yaml} policies: the shipped
 *                         {@code classpath:retention-policies/} by default, or e.g. {@code file:./retention-policies/}
 *                         so a school edits terms without rebuilding
 */
@ConfigurationProperties("archive.retention")
record RetentionProperties(@DefaultValue(RetentionProperties.SHIPPED) String policiesLocation) {

    static final String SHIPPED = "classpath:retention-policies/";
}
