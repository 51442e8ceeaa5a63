package org.jiefen.tasks;

import org.jiefen.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The task list and the task page of the web interface. */
@Controller
@WebPage
class TaskPages {

  @GetMapping("/tasks")
  String list() {
    return "tasks/list";
  }
}
