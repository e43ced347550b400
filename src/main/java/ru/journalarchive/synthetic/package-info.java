/**
 * Synthetic test data: a seeded generator of realistic, entirely fictional {@code journal-snapshot/1} schools, for
 * tests, demos and load runs. No real person's data is used; names are random combinations of common ones.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Synthetic test data")
package ru.journalarchive.synthetic;
