package org.jiefen.web;

import java.util.Arrays;
import java.util.List;

/**
 * A {@link FieldProblem} whose violations also carry a stable code and its arguments, so a page can
 * say what is wrong in the reader's language (a bundle key ending in the code, with the arguments)
 * while the API answers with the English message as before.
 */
public class CodedFieldProblem extends FieldProblem {

  /** One invalid field: its path, the code of the rule it broke, the rule's arguments, the English message. */
  public record Coded(String field, String code, List<Object> args, String message) {
    public Coded {
      args = List.copyOf(args);
    }

    public Coded(String field, String code, String message, Object... args) {
      this(field, code, Arrays.asList(args), message);
    }

    Violation violation() {
      return new Violation(field, message);
    }
  }

  private final List<Coded> coded;

  /** @param coded at least one */
  public CodedFieldProblem(List<Coded> coded) {
    super(coded.stream().map(Coded::violation).toList());
    this.coded = List.copyOf(coded);
  }

  public CodedFieldProblem(String field, String code, String message, Object... args) {
    this(List.of(new Coded(field, code, message, args)));
  }

  public List<Coded> coded() {
    return coded;
  }
}
