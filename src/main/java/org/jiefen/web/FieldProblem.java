package org.jiefen.web;

/** A request field with an invalid value: answered as 400 with the field named. */
public class FieldProblem extends RuntimeException {
  private final String field;

  public FieldProblem(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
