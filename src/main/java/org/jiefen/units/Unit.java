package org.jiefen.units;

import java.util.List;

/**
 * A unit of the organisational tree. {@code code} follows the 12-digit statistical division code
 * style; {@code levelName} is the local name of the level (区, 街道, 社区, 镇, 村, ...); {@code path}
 * holds the codes from the root down to this unit, for scope filters.
 */
public record Unit(
    String code, String name, UnitLevel level, String levelName, String parentCode, List<String> path) {}
