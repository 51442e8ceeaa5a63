package org.jiefen.clocks;

/** A clock id the catalog does not have: a modelling or configuration error, never retried. */
public class UnknownClockException extends IllegalArgumentException {
  public UnknownClockException(String message) {
    super(message);
  }
}
