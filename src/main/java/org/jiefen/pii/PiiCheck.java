package org.jiefen.pii;

import java.util.Objects;

/**
 * Outcome of checking one number: either the normalised value or the reason it was refused.
 * Forms use {@link #isValid()} to show all problems at once; services call {@link #orThrow()}.
 */
public record PiiCheck(String value, PiiReason reason) {

  public PiiCheck {
    if ((value == null) == (reason == null)) {
      throw new IllegalArgumentException("exactly one of value and reason must be set");
    }
  }

  static PiiCheck valid(String value) {
    return new PiiCheck(Objects.requireNonNull(value), null);
  }

  static PiiCheck invalid(PiiReason reason) {
    return new PiiCheck(null, Objects.requireNonNull(reason));
  }

  public boolean isValid() {
    return value != null;
  }

  /** The normalised value, or an {@link InvalidPiiException} carrying the reason. */
  public String orThrow() {
    if (reason != null) {
      throw new InvalidPiiException(reason);
    }
    return value;
  }

  // A record's default toString would print the raw number into any log line that shows the check.
  @Override
  public String toString() {
    return isValid() ? "PiiCheck[valid]" : "PiiCheck[" + reason.code() + "]";
  }
}
