package org.jiefen.audit;

import java.time.Instant;

/**
 * One audit record. {@code actor} is a username, {@code "anonymous"} or {@code "system"};
 * {@code target} names what was acted on besides the case (a task id, a request path, a model).
 * Free text ({@code target}, {@code detail}) is stored masked: the trail must not become a copy of
 * the parties' ID and phone numbers.
 */
public record AuditEvent(
    String id,
    Instant at,
    String actor,
    String unitCode,
    AuditAction action,
    String caseId,
    String target,
    String remoteAddress,
    AuditOutcome outcome,
    String detail) {}
