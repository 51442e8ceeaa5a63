package org.jiefen.admin;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jiefen.deploy.Finding;
import org.jiefen.deploy.ModelRefusedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A model refused, by the checks or as unsafe: 422 with {@code errors[]}, each finding naming its
 * element ({@code elementId}), rule and sentence, so the editor can point at what to fix.
 */
@RestControllerAdvice(assignableTypes = {WorkbenchEndpoints.class, ModelController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class WorkbenchProblems {

  static final URI REFUSED = URI.create("urn:jiefen:problem:model-refused");

  private final WorkbenchTexts texts;

  WorkbenchProblems(WorkbenchTexts texts) {
    this.texts = texts;
  }

  @ExceptionHandler(Workbench.CheckFailed.class)
  ProblemDetail refused(Workbench.CheckFailed e, Locale locale) {
    return problem(e.report().errors(), e.report().warnings(), locale);
  }

  @ExceptionHandler(ModelRefusedException.class)
  ProblemDetail unsafe(ModelRefusedException e, Locale locale) {
    return problem(List.of(Finding.error(null, "model.refused", e.reason(), e.reason())), List.of(), locale);
  }

  private ProblemDetail problem(List<Finding> errors, List<Finding> warnings, Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
            errors.size() + " error(s): " + errors.get(0).message());
    problem.setType(REFUSED);
    problem.setTitle("Model refused");
    problem.setProperty("errors", texts.findings(errors, locale));
    problem.setProperty("warnings", texts.findings(warnings, locale));
    return problem;
  }
}
