package org.jiefen.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The "could not be done" page ({@code error.html}) with its status and message, and the header's
 * model: exception handlers' views do not get the attributes of {@link PageModel}, so they are
 * added here. The one way every failure of the web interface becomes a page.
 */
@Component
class ErrorPage {

  private final PageModel header;

  ErrorPage(PageModel header) {
    this.header = header;
  }

  ModelAndView of(HttpStatus status, String messageKey) {
    ModelAndView page = new ModelAndView("error");
    page.setStatus(status);
    page.addObject("me", header.me());
    page.addObject("localMode", header.localMode());
    page.addObject("path", "");
    page.addObject("status", status.value());
    page.addObject("messageKey", messageKey);
    return page;
  }
}
