package org.jiefen.calendar;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the State Council notice says of a date: a day off, or a weekend day worked instead (调休上班). */
public enum DayKind {
  @JsonProperty("holiday")
  HOLIDAY("holiday"),
  @JsonProperty("workday")
  WORKDAY("workday");

  private final String code;

  DayKind(String code) {
    this.code = code;
  }

  /** As written in the CSV and the API. */
  public String code() {
    return code;
  }
}
