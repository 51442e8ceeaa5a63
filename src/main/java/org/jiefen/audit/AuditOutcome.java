package org.jiefen.audit;

/** Whether the audited action happened: refused by a rule (DENIED) is not the same as broken (FAILED). */
public enum AuditOutcome {
  SUCCESS,
  DENIED,
  FAILED
}
