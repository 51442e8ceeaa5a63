package org.jiefen.cases;

/**
 * An extension the law does not allow: beyond the clock's {@code maxExtension} in all, or of a
 * clock that cannot be extended. An expected outcome a process may handle (the clock worker
 * throws the BPMN error {@code CLOCK_EXTENSION_REFUSED}); nothing is changed.
 */
public class ExtensionRefusedException extends IllegalArgumentException {
  public ExtensionRefusedException(String message) {
    super(message);
  }
}
