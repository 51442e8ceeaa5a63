package org.jiefen.cases;

import java.time.Instant;

/** One entry of a case's timeline. */
public record CaseEvent(
    String id, String caseId, Instant at, String type, String summary, String actor, String unitCode) {}
