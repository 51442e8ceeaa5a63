package org.jiefen.units;

import java.util.Locale;

/** Administrative level of a unit. Display names differ between rural and urban trees (乡镇/街道, 村/社区). */
public enum UnitLevel {
  CITY("市级人民调解组织", "city people's mediation organisation"),
  COUNTY("县（区）人民调解中心", "county (district) people's mediation centre"),
  TOWN("乡镇（街道）人民调解委员会", "township (street) people's mediation committee"),
  VILLAGE("村（社区）人民调解委员会", "village (community) people's mediation committee");

  private final String mediationBody;
  private final String mediationBodyEnglish;

  UnitLevel(String mediationBody, String mediationBodyEnglish) {
    this.mediationBody = mediationBody;
    this.mediationBodyEnglish = mediationBodyEnglish;
  }

  /**
   * The people's mediation organisation at this level, as notices to parties name it; in English
   * when the locale's language is English, else in Chinese.
   */
  public String mediationBody(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? mediationBodyEnglish : mediationBody;
  }

  /** The next level up, or null for the top. */
  public UnitLevel up() {
    return this == CITY ? null : values()[ordinal() - 1];
  }
}
