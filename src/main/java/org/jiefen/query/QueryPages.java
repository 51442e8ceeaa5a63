package org.jiefen.query;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.audit.AuditOutcome;
import org.jiefen.cases.CitizenLookup;
import org.jiefen.tasks.TaskOverview;
import org.jiefen.web.WebPage;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen query page (public): a form for the query code and the last four digits of the
 * mobile number; on a match, the case's status and next step only. A wrong code and wrong digits
 * get the same answer, so neither is confirmed alone; tries beyond the {@link QueryThrottle}
 * limits are refused whatever they hold. Every query is audited (outcome, and the case on a
 * match; never the digits).
 */
@Controller
@WebPage
class QueryPages {

  private static final Pattern CODE = Pattern.compile("[0-9A-Z]{4,16}");
  private static final Pattern DIGITS = Pattern.compile("\\d{4}");

  private final CitizenLookup lookup;
  private final TaskOverview tasks;
  private final QueryThrottle throttle;
  private final AuditLog audit;
  private final MessageSource messages;

  QueryPages(CitizenLookup lookup, TaskOverview tasks, QueryThrottle throttle, AuditLog audit, MessageSource messages) {
    this.lookup = lookup;
    this.tasks = tasks;
    this.throttle = throttle;
    this.audit = audit;
    this.messages = messages;
  }

  @GetMapping("/query")
  String form() {
    return "query/query";
  }

  @PostMapping("/query")
  String query(
      @RequestParam(name = "code", required = false) String rawCode,
      @RequestParam(name = "digits", required = false) String rawDigits,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String code = rawCode == null ? "" : rawCode.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
    String digits = rawDigits == null ? "" : rawDigits.strip();
    model.addAttribute("code", code);
    Map<String, String> errors = new LinkedHashMap<>();
    if (!CODE.matcher(code).matches()) {
      errors.put("code", code.isEmpty() ? "query.error.codeMissing" : "query.error.codeFormat");
    }
    if (!DIGITS.matcher(digits).matches()) {
      errors.put("digits", "query.error.digits");
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", errors);
      return "query/query";
    }
    String address = request.getRemoteAddr();
    if (throttle.blocked(code, address)) {
      audit.record(AuditAction.CASE_QUERIED, AuditOutcome.DENIED, null, null, "citizen query: too many failed tries");
      response.setStatus(429);
      model.addAttribute("outcome", "query.throttled");
      return "query/query";
    }
    Optional<CitizenLookup.Standing> found = lookup.find(code, digits);
    if (found.isEmpty()) {
      throttle.failed(code, address);
      audit.record(AuditAction.CASE_QUERIED, AuditOutcome.DENIED, null, null, "citizen query: no match");
      model.addAttribute("outcome", "query.notFound");
      return "query/query";
    }
    CitizenLookup.Standing standing = found.get();
    audit.record(AuditAction.CASE_QUERIED, AuditOutcome.SUCCESS, standing.caseId(), null, "citizen query");
    CaseStep step = CaseStep.of(standing, tasks.openElements(standing.caseId()));
    model.addAttribute("status", text(step));
    model.addAttribute("code", null); // the answer page does not echo the code back
    return "query/query";
  }

  private String text(CaseStep step) {
    Locale locale = LocaleContextHolder.getLocale();
    String level = step.level() == null ? ""
        : messages.getMessage("code.level." + step.level(), null, step.level(), locale);
    String day = step.day() == null ? "" : step.day().toString();
    return messages.getMessage(step.key(), new Object[] {level, day}, locale);
  }
}
