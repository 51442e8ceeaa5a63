package org.jiefen.web;

/** The request clashes with the current state (a task already completed, not yours, ...): 409. */
public class ConflictProblem extends RuntimeException {
  public ConflictProblem(String message) {
    super(message);
  }
}
