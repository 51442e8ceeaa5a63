package org.jiefen.kpi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiefen.audit.AuditLog;
import org.jiefen.users.AppUser;
import org.jiefen.users.CurrentUser;
import org.jiefen.web.FieldProblem;
import org.jiefen.web.FileProblem;
import org.jiefen.web.NotFoundProblem;
import org.jiefen.web.WebPage;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The KPI page ({@code /kpi}, supervisors and administrators): unit and period selectors, the
 * mediation and petition tables (a row per direct sub-unit and the total; they work without
 * JavaScript) and the charts, drawn by the {@code kpi.js} island (uPlot) from a JSON block.
 * {@code /kpi/export.csv} and {@code /kpi/export.xlsx} give the same rows as files.
 */
@Controller
@WebPage
class KpiPages {

  private final Kpis kpis;
  private final KpiExport export;
  private final CurrentUser currentUser;
  private final AuditLog audit;
  private final MessageSource messages;
  private final ObjectMapper json;

  KpiPages(Kpis kpis, KpiExport export, CurrentUser currentUser, AuditLog audit, MessageSource messages,
      ObjectMapper json) {
    this.kpis = kpis;
    this.export = export;
    this.currentUser = currentUser;
    this.audit = audit;
    this.messages = messages;
    this.json = json;
  }

  /** A period the selector offers: its value ({@code 2026-Q2}) and its message. */
  public record Choice(String value, String key, Object arg) {}

  @GetMapping("/kpi")
  String page(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to, Locale locale,
      Model model) {
    AppUser user = allowed();
    LocalDate today = kpis.today();
    model.addAttribute("units", kpis.choices(user));
    model.addAttribute("choices", choices(today));
    model.addAttribute("mediationColumns", KpiColumn.MEDIATION);
    model.addAttribute("petitionColumns", KpiColumn.PETITIONS);
    model.addAttribute("unitCode", unit == null || unit.isBlank() ? user.unitCode() : unit.strip());
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    KpiPeriod p;
    try {
      p = KpiPeriod.parse(period, from, to, today);
    } catch (FieldProblem e) {
      model.addAttribute("error", e.field());
      model.addAttribute("period", period);
      return "kpi/kpi";
    }
    KpiReport report = report(user, unit, p);
    model.addAttribute("period", p.shortcut() != null ? p.shortcut() : "");
    model.addAttribute("report", report);
    model.addAttribute("rows", KpiExport.rows(report));
    model.addAttribute("exportQuery", "unit=" + report.unitCode() + "&from=" + p.from() + "&to=" + p.to());
    model.addAttribute("chartJson", chart(report, locale));
    return "kpi/kpi";
  }

  @GetMapping("/kpi/export.csv")
  ResponseEntity<byte[]> csv(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to, Locale locale) {
    return exportFile("csv", unit, period, from, to, locale);
  }

  @GetMapping("/kpi/export.xlsx")
  ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to, Locale locale) {
    return exportFile("xlsx", unit, period, from, to, locale);
  }

  private ResponseEntity<byte[]> exportFile(String format, String unit, String period, String from, String to,
      Locale locale) {
    AppUser user = allowed();
    KpiReport report = report(user, unit, KpiPeriod.parse(period, from, to, kpis.today()));
    return KpiController.file(report, format, locale, export, audit);
  }

  private AppUser allowed() {
    AppUser user = currentUser.get();
    if (!Kpis.allowed(user)) {
      throw new AccessDeniedException("KPIs are for supervisors and administrators");
    }
    return user;
  }

  /** On a page an unknown unit and one outside the user's are both "not found or not yours". */
  private KpiReport report(AppUser user, String unit, KpiPeriod period) {
    try {
      return kpis.report(user, unit, period);
    } catch (FileProblem e) {
      if (e.status() == HttpStatus.NOT_FOUND || e.status() == HttpStatus.FORBIDDEN) {
        throw new NotFoundProblem("unit " + unit);
      }
      throw e;
    }
  }

  static List<Choice> choices(LocalDate today) {
    YearMonth month = YearMonth.from(today);
    int quarter = (today.getMonthValue() - 1) / 3 + 1;
    LocalDate lastQuarterStart = LocalDate.of(today.getYear(), (quarter - 1) * 3 + 1, 1).minusMonths(3);
    List<Choice> out = new ArrayList<>();
    out.add(new Choice(month.toString(), "kpi.period.thisMonth", month.toString()));
    out.add(new Choice(month.minusMonths(1).toString(), "kpi.period.lastMonth", month.minusMonths(1).toString()));
    out.add(new Choice(today.getYear() + "-Q" + quarter, "kpi.period.thisQuarter", today.getYear() + "-Q" + quarter));
    String lq = lastQuarterStart.getYear() + "-Q" + ((lastQuarterStart.getMonthValue() - 1) / 3 + 1);
    out.add(new Choice(lq, "kpi.period.lastQuarter", lq));
    out.add(new Choice(String.valueOf(today.getYear()), "kpi.period.thisYear", String.valueOf(today.getYear())));
    out.add(new Choice(String.valueOf(today.getYear() - 1), "kpi.period.lastYear", String.valueOf(today.getYear() - 1)));
    return out;
  }

  /** What the charts draw, with their labels in the page's language; safe inside a script element. */
  private String chart(KpiReport report, Locale locale) {
    Map<String, Object> c = new LinkedHashMap<>();
    List<String> units = new ArrayList<>();
    List<Double> success = new ArrayList<>();
    for (KpiReport.Row r : report.rows()) {
      units.add(r.own() ? r.unitName() + text("kpi.row.own", locale) : r.unitName());
      Double rate = r.mediation().successRate();
      success.add(rate == null ? null : Math.round(rate * 1000) / 10.0);
    }
    c.put("units", units);
    c.put("success", success);
    c.put("months", report.months().stream().map(KpiReport.Month::month).toList());
    c.put("received", report.months().stream().map(KpiReport.Month::mediationReceived).toList());
    c.put("resolved", report.months().stream().map(KpiReport.Month::mediationResolved).toList());
    c.put("petitions", report.months().stream().map(KpiReport.Month::petitionsReceived).toList());
    c.put("labels", Map.of(
        "success", text("kpi.chart.success", locale),
        "received", text("kpi.chart.received", locale),
        "resolved", text("kpi.chart.resolved", locale),
        "petitions", text("kpi.chart.petitions", locale)));
    try {
      return json.writeValueAsString(c).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }
}
