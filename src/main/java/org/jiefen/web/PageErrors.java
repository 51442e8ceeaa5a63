package org.jiefen.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Failures of a page, shown as a page: what went wrong in the user's language and a way back.
 * Out-of-scope cases and tasks read as "not found" (their existence must not leak), as in the API.
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

  private static final Logger LOG = LoggerFactory.getLogger(PageErrors.class);

  private final ErrorPage errorPage;

  PageErrors(ErrorPage errorPage) {
    this.errorPage = errorPage;
  }

  @ExceptionHandler({NotFoundProblem.class, NoResourceFoundException.class})
  ModelAndView notFound() {
    return page(HttpStatus.NOT_FOUND, "error.notFound");
  }

  @ExceptionHandler(AccessDeniedException.class)
  ModelAndView forbidden() {
    return page(HttpStatus.FORBIDDEN, "error.forbidden");
  }

  @ExceptionHandler(FieldProblem.class)
  ModelAndView invalid() {
    return page(HttpStatus.BAD_REQUEST, "error.invalid");
  }

  @ExceptionHandler(ConflictProblem.class)
  ModelAndView conflict() {
    return page(HttpStatus.CONFLICT, "error.conflict");
  }

  @ExceptionHandler(UnavailableProblem.class)
  ModelAndView unavailable() {
    return page(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable");
  }

  @ExceptionHandler(RuntimeException.class)
  ModelAndView failed(RuntimeException e) {
    LOG.error("page failed", e);
    return page(HttpStatus.INTERNAL_SERVER_ERROR, "error.failed");
  }

  private ModelAndView page(HttpStatus status, String messageKey) {
    return errorPage.of(status, messageKey);
  }
}
