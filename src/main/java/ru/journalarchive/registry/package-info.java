/**
 * The registry in PostgreSQL: accepted snapshots, archived documents, their objects and verified replicas, and
 * each document's retention.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package ru.journalarchive.registry;
