package org.jiefen.cases;

/**
 * Published in process after a case file (or something its search document depends on) was
 * written: the search projection picks it up at once instead of at its next sweep.
 */
public record CaseWritten(String caseId) {}
