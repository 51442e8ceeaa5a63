package org.jiefen.units;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A unit of the organisational tree. {@code code} follows the 12-digit statistical division code
 * style; {@code levelName} is the local name of the level (区, 街道, 社区, 镇, 村, 职能部门, ...);
 * {@code path} holds the codes from the root down to this unit, for scope filters. {@code type} is
 * {@link UnitType#ADMINISTRATIVE} unless the unit is a functional department, which sits on the
 * level of the government it belongs to (its parent) and has no units below it. Units stored
 * before types existed read as administrative.
 */
public record Unit(
    String code, String name, UnitLevel level, String levelName, String parentCode, List<String> path, UnitType type) {

  public Unit {
    type = type == null ? UnitType.ADMINISTRATIVE : type;
  }

  /** An administrative unit. */
  public Unit(String code, String name, UnitLevel level, String levelName, String parentCode, List<String> path) {
    this(code, name, level, levelName, parentCode, path, UnitType.ADMINISTRATIVE);
  }

  @JsonIgnore
  public boolean isDepartment() {
    return type == UnitType.DEPARTMENT;
  }
}
