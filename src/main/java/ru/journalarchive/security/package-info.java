/**
 * Who may use the archive: staff accounts (roles, the schools each may see, hashed passwords, lockout after repeated
 * failures) and journal systems' API keys bound to one school. No default credentials: the first administrator is
 * created with {@code user create}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package ru.journalarchive.security;
