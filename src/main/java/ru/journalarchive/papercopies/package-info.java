/**
 * Paper copies: the print packet of an archived class journal (rendered from the registry's verified frozen JSON, with
 * signature lines), the registry of every paper copy and the insert-only log of its steps (printed, signed by each
 * subject teacher, certified by the class teacher, accepted by the deputy, signed and sealed by the director, bound and
 * numbered, placed, transferred to the archive, destroyed), refusing steps out of order, and the deadline report of the
 * five-day close and of the year's binding by 30 June. See {@code jobs/paper-copies.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Paper copies")
package ru.journalarchive.papercopies;
