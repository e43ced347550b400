/**
 * The archivist's search: an index of every pupil named in every archived document (class journals, summary
 * statements …) by school, academic year, class, period, document type and a normalised name, and the search over
 * it, tolerant of ё/е, letter case, extra spaces and partial names. Other document types are indexed through
 * {@link ru.journalarchive.search.SearchIndex#index}; every search is written to the access log.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package ru.journalarchive.search;
