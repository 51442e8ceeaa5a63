package org.jiefen.kpi;

import java.util.Locale;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.users.CurrentUser;
import org.jiefen.web.FieldProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/kpi?unit=&from=&to=} (or {@code period=2026|2026-05|2026-Q2}) for supervisors
 * and administrators: the report as JSON, or with {@code format=csv|xlsx} the same rows as a file
 * (audited as KPI_EXPORTED). Bad input is a problem naming the field: an unknown unit 404, a unit
 * outside the user's 403, a bad date or period, or from after to, 400.
 */
@RestController
@RequestMapping("/api/v1/kpi")
class KpiController {

  static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
  static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final Kpis kpis;
  private final KpiExport export;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  KpiController(Kpis kpis, KpiExport export, CurrentUser currentUser, AuditLog audit) {
    this.kpis = kpis;
    this.export = export;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @GetMapping
  ResponseEntity<?> kpi(@RequestParam(required = false) String unit, @RequestParam(required = false) String period,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String format, Locale locale) {
    String f = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
    if (!f.equals("json") && !f.equals("csv") && !f.equals("xlsx")) {
      throw new FieldProblem("format", "is json, csv or xlsx");
    }
    KpiPeriod p = KpiPeriod.parse(period, from, to, kpis.today());
    KpiReport report = kpis.report(currentUser.get(), unit, p);
    return f.equals("json") ? ResponseEntity.ok(report) : file(report, f, locale, export, audit);
  }

  /** The report as a CSV or XLSX download, audited. */
  static ResponseEntity<byte[]> file(KpiReport report, String format, Locale locale, KpiExport export, AuditLog audit) {
    byte[] body = format.equals("csv") ? export.csv(report, locale) : export.xlsx(report, locale);
    audit.record(AuditAction.KPI_EXPORTED, org.jiefen.audit.AuditOutcome.SUCCESS, null, report.unitCode(),
        format + " " + report.from() + ".." + report.to());
    String name = "kpi-" + report.unitCode() + "-" + report.from() + "-" + report.to() + "." + format;
    return ResponseEntity.ok()
        .contentType(format.equals("csv") ? CSV : XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
        .body(body);
  }
}
