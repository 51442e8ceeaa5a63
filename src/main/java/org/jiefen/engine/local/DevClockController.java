package org.jiefen.engine.local;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.Instant;
import org.jiefen.platform.LocalMode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Demo and test control of time; exists in local mode only. */
@RestController
@RequestMapping("/dev/clock")
@LocalMode
class DevClockController {

  /** Ten years per call is plenty for demos and keeps instants far from overflow. */
  private static final Duration MAX_STEP = Duration.ofDays(3660);

  private final LocalEngine engine;

  DevClockController(LocalEngine engine) {
    this.engine = engine;
  }

  /** What a step of time may be: a positive ISO-8601 duration in days, hours, minutes or seconds. */
  static final String STEP = "P(\\d{1,6}D)?(T(\\d{1,6}H)?(\\d{1,6}M)?(\\d{1,8}S)?)?";

  record Advance(
      @NotBlank
          @Pattern(
              regexp = STEP,
              message = "must be a positive ISO-8601 duration in days, hours, minutes or seconds, e.g. P16D or PT2H")
          String advance) {}

  record ClockState(Instant now, String offset) {}

  @GetMapping
  ClockState now() {
    return new ClockState(engine.now(), engine.offset().toString());
  }

  @PostMapping
  ClockState advance(@Valid @RequestBody Advance request) {
    Instant now = engine.advance(checked(request.advance()));
    return new ClockState(now, engine.offset().toString());
  }

  /**
   * The step as a duration, for this API and the demo page.
   *
   * @throws org.jiefen.web.FieldProblem (field {@code advance}) when it is not a step of {@link #STEP},
   *     is zero or is longer than ten years
   */
  static Duration checked(String advance) {
    if (advance == null || !advance.matches(STEP) || advance.equals("P") || advance.endsWith("T")) {
      throw new org.jiefen.web.FieldProblem("advance",
          "must be a positive ISO-8601 duration in days, hours, minutes or seconds, e.g. P16D or PT2H");
    }
    Duration duration = Duration.parse(advance);
    if (duration.isZero()) {
      throw new org.jiefen.web.FieldProblem("advance", "must be longer than zero");
    }
    if (duration.compareTo(MAX_STEP) > 0) {
      throw new org.jiefen.web.FieldProblem("advance", "must be at most " + MAX_STEP.toDays() + " days at a time");
    }
    return duration;
  }
}
