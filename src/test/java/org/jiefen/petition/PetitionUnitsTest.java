package org.jiefen.petition;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jiefen.cases.Agreements;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitLevel;
import org.junit.jupiter.api.Test;

/** Which units a petition office may send a matter to, and which unit is above another. */
class PetitionUnitsTest {

  // 深圳市 → 宝安区 (with two departments) → 新安街道 → 海旺社区; 西乡街道; and 南山区 beside 宝安区
  final Map<String, Unit> tree = new LinkedHashMap<>();

  PetitionUnitsTest() {
    add("440300000000", "深圳市", UnitLevel.CITY, "市", null);
    add("440306000000", "宝安区", UnitLevel.COUNTY, "区", "440300000000");
    add("440306900001", "宝安区人力资源局", UnitLevel.COUNTY, "职能部门", "440306000000");
    add("440306900004", "宝安区公安分局", UnitLevel.COUNTY, "职能部门", "440306000000");
    add("440306001000", "新安街道", UnitLevel.TOWN, "街道", "440306000000");
    add("440306001001", "海旺社区", UnitLevel.VILLAGE, "社区", "440306001000");
    add("440306002000", "西乡街道", UnitLevel.TOWN, "街道", "440306000000");
    add("440305000000", "南山区", UnitLevel.COUNTY, "区", "440300000000");
    add("440305900001", "南山区人力资源局", UnitLevel.COUNTY, "职能部门", "440305000000");
    add("440305001000", "南头街道", UnitLevel.TOWN, "街道", "440305000000");
  }

  private void add(String code, String name, UnitLevel level, String levelName, String parent) {
    List<String> path = new ArrayList<>(parent == null ? List.of() : tree.get(parent).path());
    path.add(code);
    tree.put(code, new Unit(code, name, level, levelName, parent, List.copyOf(path),
        "职能部门".equals(levelName) ? org.jiefen.units.UnitType.DEPARTMENT : org.jiefen.units.UnitType.ADMINISTRATIVE));
  }

  private Optional<Unit> parent(Unit unit) {
    return Optional.ofNullable(unit.parentCode()).map(tree::get);
  }

  private List<String> targets(String office) {
    return PetitionUnits.targets(tree.get(office), tree.values(), this::parent).stream()
        .map(Agreements.Option::value).toList();
  }

  @Test
  void aDistrictOfficeSendsToItsDepartmentsFirstThenItsTownsButNeitherToCommunitiesNorElsewhere() {
    List<Agreements.Option> options = PetitionUnits.targets(tree.get("440306000000"), tree.values(), this::parent);

    assertThat(options).extracting(Agreements.Option::value)
        .containsExactly("440306900001", "440306900004", "440306001000", "440306002000");
    assertThat(options.getFirst().label()).isEqualTo("宝安区人力资源局");
  }

  @Test
  void aStreetOfficeSendsWithinItsDistrictIncludingTheDistrictButNotToItself() {
    assertThat(targets("440306001000"))
        .containsExactly("440306900001", "440306900004", "440306000000", "440306002000");
  }

  @Test
  void aCityOfficeSendsWithinItsWholeTree() {
    assertThat(targets("440300000000")).contains("440306900001", "440305900001", "440306000000", "440305001000")
        .doesNotContain("440300000000", "440306001001");
  }

  @Test
  void theUnitAboveIsTheParentADepartmentsIsItsGovernmentAndTheTopIsItsOwn() {
    assertThat(PetitionUnits.above(tree.get("440306001001"), this::parent).code()).isEqualTo("440306001000");
    assertThat(PetitionUnits.above(tree.get("440306900001"), this::parent).code()).isEqualTo("440306000000");
    assertThat(PetitionUnits.above(tree.get("440300000000"), this::parent).code()).isEqualTo("440300000000");
  }

  @Test
  void aDepartmentsMattersAreMediatedAtItsGovernment() {
    assertThat(PetitionUnits.administrative(tree.get("440306900004"), this::parent).code()).isEqualTo("440306000000");
    assertThat(PetitionUnits.administrative(tree.get("440306001000"), this::parent).code()).isEqualTo("440306001000");
  }
}
