package org.jiefen.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jiefen.users.CurrentUser;
import org.jiefen.users.Role;
import org.jiefen.web.FieldProblem;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for administrators. Values are parsed here so a bad one is named in a 400 problem. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

  static final int MAX_SIZE = 500;

  private final AuditSearch search;
  private final CurrentUser currentUser;

  AuditController(AuditSearch search, CurrentUser currentUser) {
    this.search = search;
    this.currentUser = currentUser;
  }

  @GetMapping
  List<AuditEvent> find(
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String caseId,
      @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String size) {
    // Refused before the filters are looked at, so a non-admin learns nothing from the answer.
    if (!currentUser.get().has(Role.ADMIN)) {
      throw new AccessDeniedException("the audit trail is for administrators");
    }
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (start != null && end != null && !start.isBefore(end)) {
      throw new FieldProblem("to", "must be after from");
    }
    return search.find(
        new AuditSearch.Filter(
            blankToNull(actor),
            value("action", AuditAction.class, action),
            blankToNull(caseId),
            value("outcome", AuditOutcome.class, outcome),
            start,
            end,
            size(size)));
  }

  private static int size(String size) {
    if (size == null || size.isBlank()) {
      return 100;
    }
    try {
      int n = Integer.parseInt(size.strip());
      if (n >= 1 && n <= MAX_SIZE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new FieldProblem("size", "must be a whole number from 1 to " + MAX_SIZE);
  }

  private static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new FieldProblem(field, "must be an ISO-8601 instant, e.g. 2026-01-31T08:00:00Z");
    }
  }

  private static <E extends Enum<E>> E value(String field, Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      throw new FieldProblem(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
