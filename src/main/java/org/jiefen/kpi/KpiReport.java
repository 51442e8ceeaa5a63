package org.jiefen.kpi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * The KPI figures of a unit for a period: one row per direct sub-unit (and one for the unit's own
 * cases when it has any), the total, and the months for the charts. Rates are fractions (0..1),
 * null when their denominator is 0.
 */
public record KpiReport(String unitCode, String unitName, LocalDate from, LocalDate to, List<Row> rows, Row total,
    List<Month> months) {

  /** {@code own}: the cases registered at the unit itself, not at a unit below it. */
  public record Row(String unitCode, String unitName, boolean own, Mediation mediation, Petitions petitions) {}

  /**
   * Mediation: received (registered in the period), resolved (closed in the period), and of those
   * closed: agreed of mediated (agreed + terminated), agreed at the village level, handling time in
   * working days (average, p90 nearest rank) and the follow-up satisfaction (1-5).
   */
  public record Mediation(long received, long resolved, long agreed, long mediated, long villageAgreed,
      long timed, Double averageDays, Integer p90Days, long satisfactionCount, Double satisfaction) {

    @JsonProperty
    public Double successRate() {
      return rate(agreed, mediated);
    }

    @JsonProperty
    public Double villageShare() {
      return rate(villageAgreed, agreed);
    }
  }

  /** Petitions registered in the period: each rate's numerator and denominator, repeat and overdue counts. */
  public record Petitions(long received, long acceptedOnTime, long acceptanceDecided, long answeredOnTime,
      long answersDue, long rated, long rateable, long satisfied, long repeat, long overdue) {

    @JsonProperty
    public Double timelyAcceptance() {
      return rate(acceptedOnTime, acceptanceDecided);
    }

    @JsonProperty
    public Double onTimeAnswers() {
      return rate(answeredOnTime, answersDue);
    }

    @JsonProperty
    public Double ratingRate() {
      return rate(rated, rateable);
    }

    @JsonProperty
    public Double satisfaction() {
      return rate(satisfied, rated);
    }

    @JsonProperty
    public Double repeatRate() {
      return rate(repeat, received);
    }
  }

  /** A month ({@code 2026-05}): mediation cases received and resolved, petitions received. */
  public record Month(String month, long mediationReceived, long mediationResolved, long petitionsReceived) {}

  static Double rate(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}
