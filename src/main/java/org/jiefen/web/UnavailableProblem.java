package org.jiefen.web;

/** Something the request depends on is down and the request must not go on without it: 503. */
public class UnavailableProblem extends RuntimeException {
  public UnavailableProblem(String message, Throwable cause) {
    super(message, cause);
  }
}
