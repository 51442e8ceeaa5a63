package org.jiefen.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitLevel;
import org.jiefen.units.UnitType;
import org.junit.jupiter.api.Test;

/** Where mediation starts and how far up it goes, in a county tree and in a city without counties. */
class MediationLevelsTest {

  static final Unit CITY = unit("441900000000", "东莞市", UnitLevel.CITY, null);
  static final Unit TOWN_NO_COUNTY = unit("441900101000", "石龙镇", UnitLevel.TOWN, CITY.code());
  static final Unit VILLAGE_NO_COUNTY = unit("441900101001", "西湖社区", UnitLevel.VILLAGE, TOWN_NO_COUNTY.code());

  static final Unit DISTRICT = unit("440306000000", "宝安区", UnitLevel.COUNTY, null);
  static final Unit STREET = unit("440306001000", "新安街道", UnitLevel.TOWN, DISTRICT.code());
  static final Unit COMMUNITY = unit("440306001001", "海旺社区", UnitLevel.VILLAGE, STREET.code());

  static final Unit DEPARTMENT = new Unit("440306900001", "宝安区人力资源局", UnitLevel.COUNTY, "职能部门",
      DISTRICT.code(), List.of(DISTRICT.code(), "440306900001"), UnitType.DEPARTMENT);
  static final Unit TOWN_DEPARTMENT = new Unit("441900101900", "石龙镇劳动办", UnitLevel.TOWN, "职能部门",
      TOWN_NO_COUNTY.code(), List.of(TOWN_NO_COUNTY.code(), "441900101900"), UnitType.DEPARTMENT);

  static final Map<String, Unit> TREE =
      Map.of(CITY.code(), CITY, TOWN_NO_COUNTY.code(), TOWN_NO_COUNTY, VILLAGE_NO_COUNTY.code(), VILLAGE_NO_COUNTY,
          DISTRICT.code(), DISTRICT, STREET.code(), STREET, COMMUNITY.code(), COMMUNITY, DEPARTMENT.code(), DEPARTMENT,
          TOWN_DEPARTMENT.code(), TOWN_DEPARTMENT);
  static final Function<Unit, Optional<Unit>> PARENT = u -> Optional.ofNullable(u.parentCode()).map(TREE::get);

  @Test
  void startsAtTheLevelTriageChoseAboveTheOrigin() {
    assertThat(MediationLevels.start(COMMUNITY, UnitLevel.VILLAGE, PARENT)).isEqualTo(COMMUNITY);
    assertThat(MediationLevels.start(COMMUNITY, UnitLevel.TOWN, PARENT)).isEqualTo(STREET);
    assertThat(MediationLevels.start(COMMUNITY, UnitLevel.COUNTY, PARENT)).isEqualTo(DISTRICT);
  }

  @Test
  void neverStartsBelowWhereTheCaseWasRegistered() {
    assertThat(MediationLevels.start(STREET, UnitLevel.VILLAGE, PARENT)).isEqualTo(STREET);
  }

  @Test
  void escalatesUpToTheCountyLevelAndNoFurther() {
    assertThat(MediationLevels.above(COMMUNITY, PARENT)).contains(STREET);
    assertThat(MediationLevels.above(STREET, PARENT)).contains(DISTRICT);
    assertThat(MediationLevels.above(DISTRICT, PARENT)).isEmpty();
  }

  @Test
  void aCityWithoutCountiesEscalatesFromTheTownToTheCity() {
    assertThat(MediationLevels.above(VILLAGE_NO_COUNTY, PARENT)).contains(TOWN_NO_COUNTY);
    assertThat(MediationLevels.above(TOWN_NO_COUNTY, PARENT)).contains(CITY);
    assertThat(MediationLevels.above(CITY, PARENT)).isEmpty();
    assertThat(MediationLevels.start(VILLAGE_NO_COUNTY, UnitLevel.COUNTY, PARENT)).isEqualTo(CITY);
  }

  @Test
  void aDepartmentIsNeverAMediationLevel() {
    // a matter registered at a department (a petition referred to mediation) mediates at its government
    assertThat(MediationLevels.start(DEPARTMENT, UnitLevel.VILLAGE, PARENT)).isEqualTo(DISTRICT);
    assertThat(MediationLevels.above(DEPARTMENT, PARENT)).isEmpty();
    assertThat(MediationLevels.start(TOWN_DEPARTMENT, UnitLevel.VILLAGE, PARENT)).isEqualTo(TOWN_NO_COUNTY);
    assertThat(MediationLevels.above(TOWN_DEPARTMENT, PARENT)).contains(CITY);
  }

  static final Instant NOW = Instant.parse("2026-03-02T01:30:00.250Z");
  static final Instant ENTERED = Instant.parse("2026-03-02T01:30:00Z");

  private final MediationLevels levels = new MediationLevels(null, null,
      new MediationSettings(3, Duration.ofDays(30), Duration.ofDays(5), Duration.ofDays(30)),
      Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void eachLevelHasTheDeadlineItsModelSets() {
    MediationLevels.Level village = levels.enter(COMMUNITY, "P10D");
    assertThat(village.due()).isEqualTo(ENTERED.plus(Duration.ofDays(10)));
    assertThat(village.warn()).isEqualTo(ENTERED.plus(Duration.ofDays(5)));
    assertThat(levels.enter(STREET, "P20DT12H").due()).isEqualTo(ENTERED.plus(Duration.ofDays(20)).plus(Duration.ofHours(12)));
    assertThat(levels.enter(DISTRICT, Duration.ofDays(45)).due()).isEqualTo(ENTERED.plus(Duration.ofDays(45)));
    assertThat(MediationLevels.deadlineVariable(UnitLevel.VILLAGE)).isEqualTo("villageDeadline");
    assertThat(MediationLevels.deadlineVariable(UnitLevel.TOWN)).isEqualTo("townDeadline");
    assertThat(MediationLevels.deadlineVariable(UnitLevel.COUNTY)).isEqualTo("countyDeadline");
    assertThat(MediationLevels.deadlineVariable(UnitLevel.CITY)).as("a city without counties is the top level")
        .isEqualTo("countyDeadline");
  }

  @Test
  void anInstanceWithoutDeadlinesOrWithAnInvalidOneGetsTheConfiguredOne() {
    MediationLevels.Level configured = levels.enter(COMMUNITY, null);
    assertThat(configured.due()).isEqualTo(ENTERED.plus(Duration.ofDays(30)));
    assertThat(configured.warn()).isEqualTo(ENTERED.plus(Duration.ofDays(25)));
    for (Object invalid : List.of("P1M", "30", "", "P0D", "-P3D", "P400D", 30, Duration.ZERO)) {
      assertThat(levels.enter(COMMUNITY, invalid)).as(String.valueOf(invalid)).isEqualTo(configured);
      assertThat(MediationLevels.parseDeadline(invalid)).as(String.valueOf(invalid)).isEmpty();
    }
    assertThat(MediationLevels.parseDeadline(" P366D ")).contains(Duration.ofDays(366));
  }

  @Test
  void aDeadlineNoLongerThanTheWarningLeadWarnsHalfway() {
    MediationLevels.Level short5 = levels.enter(COMMUNITY, "P5D");
    assertThat(short5.warn()).isEqualTo(ENTERED.plus(Duration.ofHours(60)));
    MediationLevels.Level short3 = levels.enter(COMMUNITY, "P3D");
    assertThat(short3.due()).isEqualTo(ENTERED.plus(Duration.ofDays(3)));
    assertThat(short3.warn()).isEqualTo(ENTERED.plus(Duration.ofHours(36))).isAfter(NOW);
    assertThat(levels.enter(COMMUNITY, "P6D").warn()).isEqualTo(ENTERED.plus(Duration.ofDays(1)));
  }

  @Test
  void theSettingsRefuseADeadlineTheWarningCannotPrecede() {
    assertThatThrownBy(() -> new MediationSettings(3, Duration.ofDays(5), Duration.ofDays(5), Duration.ofDays(30)))
        .hasMessageContaining("warning-before must be shorter");
    assertThatThrownBy(() -> new MediationSettings(3, Duration.ZERO, Duration.ZERO, Duration.ofDays(30)))
        .hasMessageContaining("level-deadline must be positive");
    assertThatThrownBy(() -> new MediationSettings(3, Duration.ofDays(30), Duration.ofDays(-1), Duration.ofDays(30)))
        .hasMessageContaining("must not be negative");
  }

  private static Unit unit(String code, String name, UnitLevel level, String parent) {
    return new Unit(code, name, level, level.name(), parent, List.of(code));
  }
}
