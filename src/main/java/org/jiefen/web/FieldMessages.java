package org.jiefen.web;

import jakarta.validation.ConstraintViolation;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a plain form shows next to its fields: per field, a bundle key and its arguments. Keys are
 * {@code <prefix>.<field>.<code>}: the code of a {@link CodedFieldProblem}, the reason of a
 * {@link FileProblem}, or for bean validation the constraint's name in lower case ({@code notblank},
 * {@code pattern}, {@code size}, ...). Templates fall back to {@code <prefix>.<field>} when a
 * specific key is missing ({@link Message#fieldKey()}). The first message of a field wins.
 */
public final class FieldMessages {

  /** A message for a field: the specific key, its arguments, and the field's general key. */
  public record Message(String key, Object[] args, String fieldKey) {}

  private final String prefix;
  private final Map<String, Message> byField = new LinkedHashMap<>();

  public FieldMessages(String prefix) {
    this.prefix = prefix;
  }

  public FieldMessages put(String field, String code, Object... args) {
    byField.putIfAbsent(field, new Message(prefix + "." + field + "." + code, args, prefix + "." + field));
    return this;
  }

  public FieldMessages addAll(Collection<? extends ConstraintViolation<?>> violations) {
    for (ConstraintViolation<?> v : violations) {
      String constraint = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
      put(v.getPropertyPath().toString(), constraint.toLowerCase(java.util.Locale.ROOT));
    }
    return this;
  }

  /** The fields of a refusal: coded ones by their code, uploads by their reason, others as {@code invalid}. */
  public FieldMessages add(FieldProblem problem) {
    if (problem instanceof CodedFieldProblem coded) {
      coded.coded().forEach(c -> put(c.field(), c.code(), c.args().toArray()));
    } else if (problem instanceof FileProblem file) {
      put(file.field(), file.reason());
    } else {
      problem.violations().forEach(v -> put(v.field(), "invalid"));
    }
    return this;
  }

  public boolean isEmpty() {
    return byField.isEmpty();
  }

  public Message get(String field) {
    return byField.get(field);
  }

  public Map<String, Message> asMap() {
    return java.util.Collections.unmodifiableMap(byField);
  }
}
