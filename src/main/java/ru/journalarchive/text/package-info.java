/**
 * Text: small language helpers shared by the modules that write Russian for staff (the plural forms of nouns after a
 * number). Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Text")
package ru.journalarchive.text;
