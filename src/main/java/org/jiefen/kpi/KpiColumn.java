package org.jiefen.kpi;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A column of the KPI tables, shared by the page and the exports so they show the same figures:
 * its message key, what kind of figure it is, its value, and for a rate the numerator and
 * denominator it comes from.
 */
public record KpiColumn(String key, Kind kind, Function<KpiReport.Row, Object> value, Function<KpiReport.Row, String> detail) {

  public enum Kind { COUNT, RATE, DAYS, SCORE }

  static final List<KpiColumn> MEDIATION = List.of(
      count("kpi.col.m.received", r -> r.mediation().received()),
      count("kpi.col.m.resolved", r -> r.mediation().resolved()),
      rate("kpi.col.m.success", r -> r.mediation().successRate(), r -> r.mediation().agreed(), r -> r.mediation().mediated()),
      rate("kpi.col.m.village", r -> r.mediation().villageShare(), r -> r.mediation().villageAgreed(), r -> r.mediation().agreed()),
      new KpiColumn("kpi.col.m.avgDays", Kind.DAYS, r -> r.mediation().averageDays(), r -> "n=" + r.mediation().timed()),
      new KpiColumn("kpi.col.m.p90Days", Kind.DAYS, r -> r.mediation().p90Days(), r -> null),
      new KpiColumn("kpi.col.m.satisfaction", Kind.SCORE, r -> r.mediation().satisfaction(),
          r -> "n=" + r.mediation().satisfactionCount()));

  static final List<KpiColumn> PETITIONS = List.of(
      count("kpi.col.p.received", r -> r.petitions().received()),
      rate("kpi.col.p.timelyAcceptance", r -> r.petitions().timelyAcceptance(), r -> r.petitions().acceptedOnTime(),
          r -> r.petitions().acceptanceDecided()),
      rate("kpi.col.p.onTimeAnswers", r -> r.petitions().onTimeAnswers(), r -> r.petitions().answeredOnTime(),
          r -> r.petitions().answersDue()),
      rate("kpi.col.p.ratingRate", r -> r.petitions().ratingRate(), r -> r.petitions().rated(), r -> r.petitions().rateable()),
      rate("kpi.col.p.satisfaction", r -> r.petitions().satisfaction(), r -> r.petitions().satisfied(), r -> r.petitions().rated()),
      rate("kpi.col.p.repeatRate", r -> r.petitions().repeatRate(), r -> r.petitions().repeat(), r -> r.petitions().received()),
      count("kpi.col.p.overdue", r -> r.petitions().overdue()));

  /** The value as the page and the CSV show it: counts as they are, rates in percent with one decimal. */
  public String text(KpiReport.Row row) {
    Object v = value.apply(row);
    if (v == null) {
      return "";
    }
    return switch (kind) {
      case COUNT -> String.valueOf(v);
      case RATE -> String.format(Locale.ROOT, "%.1f%%", ((Number) v).doubleValue() * 100);
      case DAYS -> v instanceof Integer i ? String.valueOf(i) : String.format(Locale.ROOT, "%.1f", ((Number) v).doubleValue());
      case SCORE -> String.format(Locale.ROOT, "%.2f", ((Number) v).doubleValue());
    };
  }

  public String detailText(KpiReport.Row row) {
    return detail.apply(row);
  }

  private static KpiColumn count(String key, Function<KpiReport.Row, Object> value) {
    return new KpiColumn(key, Kind.COUNT, value, r -> null);
  }

  private static KpiColumn rate(String key, Function<KpiReport.Row, Object> value, Function<KpiReport.Row, Long> part,
      Function<KpiReport.Row, Long> whole) {
    return new KpiColumn(key, Kind.RATE, value, r -> part.apply(r) + "/" + whole.apply(r));
  }
}
