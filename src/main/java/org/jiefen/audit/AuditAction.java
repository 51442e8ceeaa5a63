package org.jiefen.audit;

/** What an audit event records. Stored by name: renaming a constant orphans old events. */
public enum AuditAction {
  LOGIN,
  LOGIN_FAILED,
  ACCOUNT_LOCKED,
  CASE_READ,
  CASE_CREATED,
  TASK_CLAIMED,
  TASK_UNCLAIMED,
  TASK_COMPLETED,
  ACCESS_DENIED,
  MODEL_DEPLOYED,
  PII_REVEALED,
  USER_SAVED,
  UNIT_SAVED,
  CALENDAR_SAVED,
  DOCUMENT_DOWNLOADED,
  CASE_QUERIED,
  EVIDENCE_ADDED
}
