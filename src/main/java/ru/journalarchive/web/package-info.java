/**
 * The REST API under {@code /api/v1} (served by {@code serve} only): snapshot upload by journal systems (API key bound
 * to one school), the close's status, the registry's documents; Spring Security's filter chain, errors as RFC 9457
 * problem details, the OpenAPI description (springdoc).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web API")
package ru.journalarchive.web;
