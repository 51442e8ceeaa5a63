/**
 * The audit trail: who did what to which case, from where, and whether it was allowed. Owns the
 * audit index, which is append-only (every event is an Elasticsearch {@code create} under a fresh
 * random id; nothing here updates or deletes). Features record through {@link
 * org.jiefen.audit.AuditLog}; administrators read through {@code GET /api/v1/audit}.
 */
package org.jiefen.audit;
