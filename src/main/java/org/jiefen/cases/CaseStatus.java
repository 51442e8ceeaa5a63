package org.jiefen.cases;

/** Life of a case file. REGISTERED cases wait for their process to start (see {@link ProcessStarter}). */
final class CaseStatus {
  static final String REGISTERED = "REGISTERED";
  static final String OPEN = "OPEN";
  static final String CLOSED = "CLOSED";

  private CaseStatus() {}
}
