package org.jiefen.web;

/** The addressed resource does not exist (or must not be known to exist): 404. */
public class NotFoundProblem extends RuntimeException {
  public NotFoundProblem(String message) {
    super(message);
  }
}
