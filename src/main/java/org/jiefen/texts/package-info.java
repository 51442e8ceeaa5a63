/**
 * Texts administrators may change without a release: the mail templates' subject and text per
 * language, the adaptable clauses of documents, and the retention schedule of closed cases. Each
 * override is a document in Elasticsearch, read through an in-memory snapshot that a save on this
 * instance replaces at once and other instances reread every {@code jiefen.texts.refresh}; deleting
 * the override restores the shipped default. Every save is audited.
 */
package org.jiefen.texts;
