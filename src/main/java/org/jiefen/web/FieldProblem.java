package org.jiefen.web;

import java.util.List;

/**
 * Request fields with invalid values: answered as 400 naming every one of them ({@code errors[]}),
 * so a client can mark all its mistakes at once instead of learning them one request at a time.
 */
public class FieldProblem extends RuntimeException {

  /** One invalid field: a path such as {@code parties[0].phone} and what is wrong with it. */
  public record Violation(String field, String message) {}

  private final List<Violation> violations;

  public FieldProblem(String field, String message) {
    this(List.of(new Violation(field, message)));
  }

  /** @param violations at least one */
  public FieldProblem(List<Violation> violations) {
    super(summary(violations));
    this.violations = List.copyOf(violations);
  }

  /** The first field named. */
  public String field() {
    return violations.get(0).field();
  }

  public List<Violation> violations() {
    return violations;
  }

  private static String summary(List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a field problem names at least one field");
    }
    // One field: its message alone, as before; several: each prefixed by its field.
    if (violations.size() == 1) {
      return violations.get(0).message();
    }
    return String.join("; ", violations.stream().map(v -> v.field() + ": " + v.message()).toList());
  }
}
