package org.jiefen.texts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jiefen.users.CurrentUser;
import org.jiefen.web.FieldProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The retention schedule for administrators (only they reach it). {@code GET} lists every row;
 * {@code PUT} takes {@code {"mediation.agreed": "P30Y", "petition.closed_final": "PERMANENT",
 * "mediation.refused": null}} (null or "" restores the default), all rows or none: an unknown row or
 * an invalid period is a 400 naming it. Each changed row is audited with its old and new period.
 */
@RestController
@RequestMapping("/api/v1/retention")
class RetentionController {

  record Row(String key, String kind, String outcome, String period, String defaultPeriod, boolean overridden,
      Instant updated, String updatedBy) {
    static Row of(RetentionSchedule.Entry e) {
      return new Row(e.key(), e.kind(), e.outcome(), e.period().text(), e.defaultPeriod().text(), e.overridden(),
          e.overridden() ? e.override().updated() : null, e.overridden() ? e.override().updatedBy() : null);
    }
  }

  private final RetentionSchedule schedule;
  private final CurrentUser currentUser;

  RetentionController(RetentionSchedule schedule, CurrentUser currentUser) {
    this.schedule = schedule;
    this.currentUser = currentUser;
  }

  @GetMapping
  List<Row> schedule() {
    return schedule.entries().stream().map(Row::of).toList();
  }

  @PutMapping
  List<Row> save(@RequestBody(required = false) Map<String, String> changes) {
    if (changes == null || changes.isEmpty()) {
      throw new FieldProblem("body", "must name at least one row, e.g. {\"mediation.agreed\": \"P30Y\"}");
    }
    return schedule.save(changes, currentUser.get().username()).stream().map(Row::of).toList();
  }
}
