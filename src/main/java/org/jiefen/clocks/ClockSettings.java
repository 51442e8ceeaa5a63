package org.jiefen.clocks;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code jiefen.clocks.<id>.*} as written in application.yml; {@link ClockCatalog} checks them.
 * Lengths are {@code 15d} (calendar days) or {@code 5wd} (working days); {@code warning} is a
 * length before due or a fraction of the length ({@code 1/5}).
 */
@ConfigurationProperties("jiefen")
public record ClockSettings(Map<String, Entry> clocks) {

  public record Entry(
      String label, String basis, String length, String warning, Boolean rollOver, String maxExtension) {}

  public ClockSettings {
    clocks = clocks == null ? Map.of() : Map.copyOf(clocks);
  }
}
