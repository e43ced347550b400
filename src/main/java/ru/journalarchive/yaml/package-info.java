/**
 * Reviewed YAML data files: reads a folder of {@code *.yaml} files (retention policies, school regulation profiles)
 * and checks each against its JSON Schema, naming the file and the field of the first violation. Each module words the
 * problem for its own users.
 */
@org.springframework.modulith.ApplicationModule(displayName = "YAML data files")
package ru.journalarchive.yaml;
