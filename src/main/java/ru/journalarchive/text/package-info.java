/**
 * Text: small language helpers shared by the modules that write Russian for staff (the plural forms of nouns after a
 * number) and the one rule of the characters no text received by the archive may hold ({@link
 * ru.journalarchive.text.UnsafeCharacters}). Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Text")
package ru.journalarchive.text;
