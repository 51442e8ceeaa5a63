package org.jiefen.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing serves: a browser gets the "not found" page. For the API and other clients
 * the exception goes on unchanged (rethrowing it is the documented way to decline), and they get
 * the problem body of {@link ProblemErrorController}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownPages {

  private final ErrorPage errorPage;

  UnknownPages(ErrorPage errorPage) {
    this.errorPage = errorPage;
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ModelAndView notFound(HttpServletRequest request, NoResourceFoundException e) throws NoResourceFoundException {
    String accept = request.getHeader("Accept");
    if (request.getRequestURI().startsWith("/api/") || accept == null || !accept.contains("text/html")) {
      throw e;
    }
    return errorPage.of(HttpStatus.NOT_FOUND, "error.notFound");
  }
}
