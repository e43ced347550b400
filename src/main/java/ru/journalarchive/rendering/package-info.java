/**
 * Rendering: turns one frozen class journal ({@code journal-class/1}) into a PDF/A-3B document that looks
 * like the paper class journal (title page, contents, marks and lesson pages per subject, attendance summary,
 * final marks) and carries the frozen JSON inside as an associated file. Rendering is deterministic: the same
 * journal, JSON and freezing time always give the same bytes. See {@code archive-format/pdfa-profile.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rendering")
package ru.journalarchive.rendering;
