package org.jiefen.documents;

/** A generated document before it is stored: the PDF, its address and what the case file lists. */
public record RenderedDocument(DocumentType type, String title, String number, byte[] pdf, int pages, String sha256) {}
