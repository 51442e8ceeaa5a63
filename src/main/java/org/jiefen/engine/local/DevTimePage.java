package org.jiefen.engine.local;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.jiefen.platform.LocalMode;
import org.jiefen.web.FieldProblem;
import org.jiefen.web.WebPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The demo page for time (local mode only): the engine clock in Beijing time, how far it has been
 * moved, and buttons that move it on as {@code POST /dev/clock} does (same engine, same checks).
 * The JSON API stays at {@code /dev/clock}; this page is {@code /dev/time}.
 */
@Controller
@WebPage
@LocalMode
class DevTimePage {

  /** The steps offered as buttons. */
  static final List<String> STEPS = List.of("P1D", "P5D", "P15D", "P30D");

  private final LocalEngine engine;

  DevTimePage(LocalEngine engine) {
    this.engine = engine;
  }

  @GetMapping("/dev/time")
  String page(Model model) {
    model.addAttribute("now", engine.now());
    Duration offset = engine.offset();
    model.addAttribute("offsetDays", offset.toDays());
    model.addAttribute("offsetHours", offset.toHoursPart());
    model.addAttribute("offsetMinutes", offset.toMinutesPart());
    model.addAttribute("steps", STEPS);
    return "dev/time";
  }

  @PostMapping("/dev/time")
  String advance(@RequestParam(name = "advance", required = false) String advance, Model model,
      HttpServletResponse response, RedirectAttributes redirect) {
    String step = advance == null ? "" : advance.strip().toUpperCase(java.util.Locale.ROOT);
    try {
      engine.advance(DevClockController.checked(step));
    } catch (FieldProblem e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("advanceError", true);
      model.addAttribute("advance", advance);
      return page(model);
    }
    redirect.addFlashAttribute("advanced", step);
    return "redirect:/dev/time";
  }
}
