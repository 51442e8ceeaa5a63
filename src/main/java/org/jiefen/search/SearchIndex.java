package org.jiefen.search;

/** Our indices; the full name is {@code <prefix>-<suffix>} (see {@link ElasticsearchProperties#index}). */
public enum SearchIndex {
  CASES("cases"),
  EVENTS("events"),
  TASKS("tasks"),
  UNITS("units"),
  USERS("users"),
  DEPLOYMENTS("deployments"),
  AUDIT("audit"),
  MAIL_OUTBOX("mail-outbox");

  private final String suffix;

  SearchIndex(String suffix) {
    this.suffix = suffix;
  }

  public String suffix() {
    return suffix;
  }
}
