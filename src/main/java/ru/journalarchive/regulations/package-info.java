/**
 * School regulations: each school's own routine as data — its periods per grade band or course, its paper regime
 * (five-day close, per period, once a year by 30 June, on demand, none), its marking scale and its rules for when marks
 * are due. One validated YAML profile per regulation in {@code school-regulations/}, bound to schools in configuration
 * ({@code archive.regulations.*}) and checked at start-up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "School regulations")
package ru.journalarchive.regulations;
