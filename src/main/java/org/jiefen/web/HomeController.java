package org.jiefen.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and the start page after it: the task list. */
@Controller
@WebPage
class HomeController {

  @GetMapping("/")
  String home() {
    return "redirect:/tasks";
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
