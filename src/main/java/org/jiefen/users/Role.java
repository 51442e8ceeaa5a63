package org.jiefen.users;

/** What a user may do; combined with the user's unit, it decides which tasks are theirs. */
public enum Role {
  INTAKE_CLERK("intake"),
  MEDIATOR("mediator"),
  PETITION_CLERK("petition"),
  SUPERVISOR("supervisor"),
  COURT_LIAISON("court"),
  POLICE_LIAISON("police"),
  ADMIN("admin");

  private final String groupPrefix;

  Role(String groupPrefix) {
    this.groupPrefix = groupPrefix;
  }

  /** The candidate-group expression of this role at a unit, as the models write it: {@code mediator:440306001001}. */
  public String group(String unitCode) {
    return groupPrefix + ":" + unitCode;
  }

  public String groupPrefix() {
    return groupPrefix;
  }
}
