package org.jiefen.units;

/** Administrative level of a unit. Display names differ between rural and urban trees (乡镇/街道, 村/社区). */
public enum UnitLevel {
  CITY,
  COUNTY,
  TOWN,
  VILLAGE;

  /** The next level up, or null for the top. */
  public UnitLevel up() {
    return this == CITY ? null : values()[ordinal() - 1];
  }
}
