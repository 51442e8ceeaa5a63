package org.jiefen.texts;

import java.time.Instant;

/** An administrator's retention period for one kind and outcome ({@code period} as {@link RetentionPeriod#text()}). */
record RetentionOverride(String kind, String outcome, String period, Instant updated, String updatedBy) {

  String key() {
    return kind + "." + outcome;
  }
}
