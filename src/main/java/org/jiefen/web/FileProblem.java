package org.jiefen.web;

import org.springframework.http.HttpStatus;

/**
 * A field of an upload refused: a {@link FieldProblem} with its own status (400 empty, missing or
 * invalid, 413 too large, 415 not an accepted type) and a short {@code reason} code pages turn into text.
 */
public class FileProblem extends FieldProblem {

  private final HttpStatus status;
  private final String reason;

  public FileProblem(HttpStatus status, String field, String reason, String message) {
    super(field, message);
    this.status = status;
    this.reason = reason;
  }

  public HttpStatus status() {
    return status;
  }

  /** e.g. {@code empty}, {@code size}, {@code type}, {@code mismatch}, {@code required}. */
  public String reason() {
    return reason;
  }
}
