-- Flyway callback after every migrate: journal every table that a later migration added (see V18__registry_journal.sql).
SELECT registry_journal_install();
