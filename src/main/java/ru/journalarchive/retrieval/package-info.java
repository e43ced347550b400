/**
 * Retrieval of archived documents for the archivist: streams a document from a replica whose SHA-256 is verified
 * as it is copied, hands the file out only if it equals the registry's, skips a damaged or missing replica for the
 * next, and records every retrieval in the access log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retrieval")
package ru.journalarchive.retrieval;
