package org.jiefen.texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jiefen.web.FieldProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schedule issue 8's archiving asks: defaults from configuration, overrides, the "other" row, the period rule. */
class RetentionScheduleTest {

  static final Map<String, String> MEDIATION = Map.of("agreed", "P30Y", "terminated", "P10Y", "other", "P30Y");
  static final Map<String, String> PETITION = Map.of("closed_final", "PERMANENT", "handled", "P30Y", "other", "P20Y");

  /** An override store held in memory. */
  static final class MemoryStore extends RetentionStore {
    final List<RetentionOverride> rows = new ArrayList<>();

    MemoryStore() {
      super(null, null);
    }

    @Override
    void put(RetentionOverride override) {
      rows.removeIf(r -> r.key().equals(override.key()));
      rows.add(override);
    }

    @Override
    boolean delete(String key) {
      return rows.removeIf(r -> r.key().equals(key));
    }

    @Override
    List<RetentionOverride> all() {
      return List.copyOf(rows);
    }
  }

  private final MemoryStore store = new MemoryStore();

  private RetentionSchedule schedule() {
    RetentionSchedule schedule = new RetentionSchedule(new RetentionProperties(MEDIATION, PETITION, Duration.ofSeconds(30)),
        store, Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), java.time.ZoneOffset.UTC), null);
    schedule.afterPropertiesSet();
    return schedule;
  }

  @Test
  void configuredDefaultsApplyAndUnlistedOutcomesGetTheKindsOtherRow() {
    RetentionSchedule schedule = schedule();
    assertThat(schedule.periodFor("mediation", "agreed").text()).isEqualTo("P30Y");
    assertThat(schedule.periodFor("mediation", "terminated").text()).isEqualTo("P10Y");
    // refused and linked are not configured here: they take mediation.other
    assertThat(schedule.periodFor("mediation", "refused").text()).isEqualTo("P30Y");
    assertThat(schedule.periodFor("petition", "closed_final").permanent()).isTrue();
    // an outcome no model records today, and none at all, fall to the kind's "other" row
    assertThat(schedule.periodFor("petition", "withdrawn").text()).isEqualTo("P20Y");
    assertThat(schedule.periodFor("petition", null).text()).isEqualTo("P20Y");
    assertThatThrownBy(() -> schedule.periodFor("arbitration", "agreed")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anOverrideWinsOverTheDefaultUntilItIsRemoved() {
    store.put(new RetentionOverride("mediation", "agreed", "P15Y", Instant.EPOCH, "admin"));
    store.put(new RetentionOverride("petition", "other", "PERMANENT", Instant.EPOCH, "admin"));
    RetentionSchedule schedule = schedule();
    assertThat(schedule.periodFor("mediation", "agreed").text()).isEqualTo("P15Y");
    assertThat(schedule.periodFor("petition", "withdrawn").permanent()).isTrue();
    RetentionSchedule.Entry agreed = schedule.entries().stream().filter(e -> e.key().equals("mediation.agreed")).findFirst()
        .orElseThrow();
    assertThat(agreed.overridden()).isTrue();
    assertThat(agreed.defaultPeriod().text()).isEqualTo("P30Y");

    store.delete("mediation.agreed");
    schedule.refresh();
    assertThat(schedule.periodFor("mediation", "agreed").text()).isEqualTo("P30Y");
  }

  @Test
  void aStoredOverrideThatIsNoPeriodReadsAsTheDefault() {
    store.put(new RetentionOverride("mediation", "terminated", "ten years", Instant.EPOCH, "someone"));
    assertThat(schedule().periodFor("mediation", "terminated").text()).isEqualTo("P10Y");
  }

  @Test
  void theScheduleListsEveryRowOfBothKindsInOrder() {
    List<String> keys = schedule().entries().stream().map(RetentionSchedule.Entry::key).toList();
    assertThat(keys).startsWith("mediation.agreed").contains("mediation.other", "petition.closed_final",
        "petition.referred_to_mediation", "petition.other").hasSize(12);
  }

  @Test
  void aSaveWithAnInvalidRowOrPeriodStoresNothingAndNamesEachField() {
    RetentionSchedule schedule = schedule();
    assertThatThrownBy(() -> schedule.save(Map.of("mediation.agreed", "P0Y", "mediation.unknown", "P10Y",
        "petition.handled", "P12Y"), "admin"))
        .isInstanceOfSatisfying(FieldProblem.class, p -> assertThat(p.violations())
            .extracting(FieldProblem.Violation::field).containsExactlyInAnyOrder("mediation.agreed", "mediation.unknown"));
    assertThat(store.rows).isEmpty();
  }

  @Test
  void badConfigurationStopsTheStart() {
    assertThatThrownBy(() -> RetentionSchedule.defaults(new RetentionProperties(Map.of("agreed", "P30Y"), PETITION, null)))
        .hasMessageContaining("jiefen.retention.mediation.other");
    assertThatThrownBy(() -> RetentionSchedule.defaults(new RetentionProperties(Map.of("other", "P30Y", "agreeed", "P1Y"),
        PETITION, null))).hasMessageContaining("agreeed");
    assertThatThrownBy(() -> RetentionSchedule.defaults(new RetentionProperties(Map.of("other", "ten years"), PETITION, null)))
        .hasMessageContaining("jiefen.retention.mediation.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"P10Y", "p10y", " P2Y6M ", "P18M", "P100Y", "PERMANENT", "permanent"})
  void periodsOfYearsAndMonthsOrPermanentAreTaken(String text) {
    RetentionPeriod period = RetentionPeriod.parse(text);
    assertThat(RetentionPeriod.parse(period.text())).isEqualTo(period);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10", "10Y", "P", "P0Y", "P11M", "P101Y", "P10D", "P2W", "PT10H", "P-1Y", "P1Y2M3D", "forever"})
  void anythingElseIsRefusedWithTheRule(String text) {
    assertThatThrownBy(() -> RetentionPeriod.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(RetentionPeriod.RULE);
  }

  @Test
  void theLastDayToKeepIsCountedFromTheClosingDay() {
    assertThat(RetentionPeriod.parse("P2Y6M").period()).isEqualTo(Period.of(2, 6, 0));
    assertThat(RetentionPeriod.parse("P18M").text()).isEqualTo("P1Y6M");
    assertThat(RetentionPeriod.parse("P10Y").keepUntil(LocalDate.of(2026, 2, 28))).contains(LocalDate.of(2036, 2, 28));
    assertThat(RetentionPeriod.PERMANENT.keepUntil(LocalDate.of(2026, 2, 28))).isEmpty();
  }
}
