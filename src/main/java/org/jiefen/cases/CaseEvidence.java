package org.jiefen.cases;

import java.time.Instant;

/**
 * Evidence (证据材料) a party brought, as the case file lists it. The bytes live encrypted in the
 * document store under {@code sha256}; the same bytes are listed once. {@code type} is what the
 * content is (pdf, jpeg, png: decided by its first bytes, never by its name); {@code label} the
 * sanitized original file name, for display only; {@code description} what the evidence shows.
 */
public record CaseEvidence(
    String sha256,
    String type,
    long size,
    String label,
    String description,
    Instant uploadedAt,
    String uploadedBy) {}
