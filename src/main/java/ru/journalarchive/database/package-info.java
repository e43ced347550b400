/**
 * The database: the embedded PostgreSQL default and its connection pool. Flyway owns every table
 * ({@code src/main/resources/db/migration}); an external PostgreSQL is configured by URL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database")
package ru.journalarchive.database;
