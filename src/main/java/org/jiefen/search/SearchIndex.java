package org.jiefen.search;

/** Our indices; the full name is {@code <prefix>-<suffix>} (see {@link ElasticsearchProperties#index}). */
public enum SearchIndex {
  CASES("cases"),
  // Task lists and timelines are read right after workers write them: a short refresh interval
  // keeps "intake to task visible" well under a second without every write waiting for a refresh.
  EVENTS("events", "200ms"),
  TASKS("tasks", "200ms"),
  UNITS("units"),
  USERS("users"),
  DEPLOYMENTS("deployments"),
  // The current schema of each deployed form, by form id: task completion checks submissions against it.
  FORMS("forms"),
  AUDIT("audit"),
  MAIL_OUTBOX("mail-outbox"),
  // Failed sign-ins and locks, shared by every instance of the app (one document per username).
  LOGIN_ATTEMPTS("login-attempts"),
  // The public-holiday calendar, one document per year (org.jiefen.calendar).
  CALENDAR("calendar"),
  // Administrators' unfinished model edits, one per model (org.jiefen.admin).
  MODEL_DRAFTS("model-drafts"),
  // Administrators' wording of mail templates and document clauses, one document per text (org.jiefen.texts).
  TEXT_OVERRIDES("text-overrides"),
  // Administrators' retention periods by case kind and outcome, one document per row (org.jiefen.texts).
  RETENTION("retention"),
  // Archive records of closed cases, one per case (org.jiefen.archive).
  ARCHIVE("archive"),
  // One search document per case, open or archived, behind an alias (org.jiefen.casesearch).
  CASE_SEARCH("case-search");

  private final String suffix;
  private final String refreshInterval;

  SearchIndex(String suffix) {
    this(suffix, "1s");
  }

  SearchIndex(String suffix, String refreshInterval) {
    this.suffix = suffix;
    this.refreshInterval = refreshInterval;
  }

  public String refreshInterval() {
    return refreshInterval;
  }

  public String suffix() {
    return suffix;
  }
}
