package ru.journalarchive.freezing;

import java.util.List;

/** The retroactive changes refused for one class of a snapshot. */
public record RetroactiveChangeReport(String classId, String periodId, List<RetroactiveChange> changes) {
}
