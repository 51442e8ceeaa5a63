package org.jiefen.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors outside the controllers (an unknown page, a refused CSRF token) as a page, for browsers:
 * a request that accepts HTML and is not for the API. Everything else gets the problem body of
 * {@link ProblemErrorController}.
 */
@Controller
@WebPage
class HtmlErrorController {

  private final ErrorPage errorPage;

  HtmlErrorController(ErrorPage errorPage) {
    this.errorPage = errorPage;
  }

  @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView error(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (uri instanceof String path && path.startsWith("/api/")) {
      return new ModelAndView("forward:/error/problem");
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i) : HttpStatus.INTERNAL_SERVER_ERROR;
    return errorPage.of(status, switch (status) {
      case NOT_FOUND -> "error.notFound";
      case FORBIDDEN, UNAUTHORIZED -> "error.forbidden";
      case SERVICE_UNAVAILABLE -> "error.unavailable";
      default -> status.is4xxClientError() ? "error.invalid" : "error.failed";
    });
  }
}
