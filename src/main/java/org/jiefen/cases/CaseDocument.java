package org.jiefen.cases;

import java.time.Instant;

/**
 * A generated document as the case file lists it. The bytes live in the document store under
 * {@code sha256}; the same type with the same hash is listed once, so regenerating a document for
 * an unchanged case adds nothing. {@code number} is the document number printed on every page.
 */
public record CaseDocument(
    String type,
    String title,
    String number,
    String sha256,
    long size,
    int pages,
    Instant generated,
    String generatedBy) {}
