/**
 * Retention: how long each record class is kept and from when it may be destroyed. Policies are data, one YAML
 * file per record class in {@code retention-policies/} (validated against
 * {@code retention-policy.schema.json} at start-up), so a school changes a term or an article of the federal list
 * without a new release.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention")
package ru.journalarchive.retention;
