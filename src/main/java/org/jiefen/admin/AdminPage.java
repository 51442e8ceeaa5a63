package org.jiefen.admin;

import java.util.List;
import org.jiefen.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The administrators' start page: the workbench areas (only administrators reach {@code /admin/**}). */
@Controller
@WebPage
class AdminPage {

  /** One area of the workbench: where it lives and the message keys of its title and summary. */
  record Area(String path, String key) {}

  static final List<Area> AREAS =
      List.of(
          new Area("/admin/models", "models"),
          new Area("/admin/units", "units"),
          new Area("/admin/users", "users"),
          new Area("/admin/calendar", "calendar"),
          new Area("/admin/templates", "templates"),
          new Area("/admin/retention", "retention"),
          new Area("/admin/archive", "archive"),
          new Area("/admin/search", "search"));

  @GetMapping("/admin")
  String index(Model model) {
    model.addAttribute("areas", AREAS);
    return "admin/index";
  }
}
