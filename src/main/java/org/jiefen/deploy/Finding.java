package org.jiefen.deploy;

import java.util.List;

/**
 * One result of checking a model before it is deployed. {@code rule} is a stable code the web
 * interface translates ({@code admin.finding.<rule>} with {@code args}); {@code message} is the
 * English text the API returns. {@code elementId} points at the element in the modeller (null for
 * the model as a whole).
 */
public record Finding(Severity severity, String elementId, String rule, String message, List<String> args) {

  public enum Severity { ERROR, WARNING }

  public Finding {
    args = args == null ? List.of() : List.copyOf(args);
  }

  public static Finding error(String elementId, String rule, String message, String... args) {
    return new Finding(Severity.ERROR, elementId, rule, message, List.of(args));
  }

  public static Finding warning(String elementId, String rule, String message, String... args) {
    return new Finding(Severity.WARNING, elementId, rule, message, List.of(args));
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
