/**
 * The layout engine: a line markup ({@link org.jiefen.documents.layout.Markup}) typeset on A4
 * pages with our own Chinese line breaking ({@link org.jiefen.documents.layout.LineBreaker}) and
 * written as PDF/A-2b by PDFBox with the Noto Serif SC font embedded as a subset. Knows nothing
 * of cases: it turns text into deterministic PDF bytes.
 */
package org.jiefen.documents.layout;
