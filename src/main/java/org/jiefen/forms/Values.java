package org.jiefen.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Values as JSON gives them, compared by meaning: {@code 1}, {@code 1.0} and {@code 1E0} are one
 * number; a number and a string never match.
 */
final class Values {

  private Values() {}

  /** Text as is, numbers as {@link BigDecimal} without trailing zeros, booleans as is; otherwise null. */
  static Object canonical(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      return normalised(node.decimalValue());
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return null;
  }

  /** The same for a value Jackson read into a map; null for anything that is not a scalar. */
  static Object canonical(Object value) {
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    BigDecimal number = decimal(value);
    return number == null ? null : normalised(number);
  }

  /** A JSON number as a decimal, or null if the value is not a number. */
  static BigDecimal decimal(Object value) {
    return switch (value) {
      case BigDecimal d -> d;
      case BigInteger i -> new BigDecimal(i);
      case Integer i -> BigDecimal.valueOf(i);
      case Long l -> BigDecimal.valueOf(l);
      case Short s -> BigDecimal.valueOf(s);
      case Byte b -> BigDecimal.valueOf(b);
      // Double.toString is the shortest text that reads back as the same double: 0.1, not 0.1000000000000000055...
      case Double d when Double.isFinite(d) -> new BigDecimal(d.toString());
      case Float f when Float.isFinite(f) -> new BigDecimal(f.toString());
      case null, default -> null;
    };
  }

  private static BigDecimal normalised(BigDecimal d) {
    return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
  }
}
