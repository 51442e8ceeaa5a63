package org.jiefen.units;

import org.springframework.stereotype.Component;

/** A unit's name by code, for pages ({@code ${@unitNames.name(code)}}); an unknown code shows as itself. */
@Component("unitNames")
public class UnitNames {

  private final UnitDirectory units;

  UnitNames(UnitDirectory units) {
    this.units = units;
  }

  public String name(String code) {
    return code == null ? "" : units.find(code).map(Unit::name).orElse(code);
  }
}
