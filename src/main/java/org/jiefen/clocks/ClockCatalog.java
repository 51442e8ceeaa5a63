package org.jiefen.clocks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The statutory clocks the processes may run, from {@code jiefen.clocks.*}, checked at start: a
 * catalog with a mistake stops the app with every mistake named by its property, rather than
 * failing a case's process later.
 */
@Component
public class ClockCatalog {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,49}");

  private final Map<String, ClockDefinition> clocks;

  @org.springframework.beans.factory.annotation.Autowired
  public ClockCatalog(ClockSettings settings) {
    this(settings.clocks());
  }

  ClockCatalog(Map<String, ClockSettings.Entry> entries) {
    Map<String, ClockDefinition> definitions = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    entries.forEach((id, entry) -> {
      try {
        definitions.put(id, definition(id, entry));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    });
    if (!problems.isEmpty()) {
      throw new IllegalStateException("The clock catalog (jiefen.clocks) is invalid: " + String.join("; ", problems));
    }
    this.clocks = java.util.Collections.unmodifiableMap(definitions);
  }

  /** @throws UnknownClockException naming the clocks there are */
  public ClockDefinition get(String id) {
    ClockDefinition clock = id == null ? null : clocks.get(id);
    if (clock == null) {
      throw new UnknownClockException(
          "unknown clock '" + id + "'; the catalog (jiefen.clocks) has " + String.join(", ", clocks.keySet()));
    }
    return clock;
  }

  public Collection<ClockDefinition> all() {
    return clocks.values();
  }

  static ClockDefinition definition(String id, ClockSettings.Entry entry) {
    String at = "jiefen.clocks." + id;
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(at + ": an id is lower-case letters, digits and '-'");
    }
    if (entry == null || blank(entry.label()) || blank(entry.basis()) || blank(entry.length())) {
      throw new IllegalArgumentException(at + ": label, basis and length are required");
    }
    ClockLength length = parse(at + ".length", () -> ClockLength.parse(entry.length()));
    WarningRule warning = blank(entry.warning()) ? null : parse(at + ".warning", () -> WarningRule.parse(entry.warning()));
    if (warning instanceof WarningRule.Before before
        && before.length().unit() == length.unit()
        && before.length().amount() >= length.amount()) {
      throw new IllegalArgumentException(at + ".warning: must be shorter than the length " + length);
    }
    ClockLength maxExtension =
        blank(entry.maxExtension()) ? null : parse(at + ".max-extension", () -> ClockLength.parse(entry.maxExtension()));
    return new ClockDefinition(id, entry.label().strip(), entry.basis().strip(), length, warning,
        Boolean.TRUE.equals(entry.rollOver()), maxExtension);
  }

  private static <T> T parse(String property, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(property + ": " + e.getMessage());
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
