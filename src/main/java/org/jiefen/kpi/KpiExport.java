package org.jiefen.kpi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The KPI tables as files, with the same rows and columns as the page ({@link KpiColumn}): CSV
 * (UTF-8 with a byte-order mark, so Excel opens the Chinese right; one table, mediation columns
 * then petition columns) and XLSX (a sheet per table, rates as numbers formatted as percent).
 * XLSX is written by fastexcel: a small streaming writer (~140 KB with its zip helper) instead of
 * Apache POI (~15 MB of jars) for two small tables.
 */
@Component
class KpiExport {

  private final MessageSource messages;

  KpiExport(MessageSource messages) {
    this.messages = messages;
  }

  byte[] csv(KpiReport report, Locale locale) {
    StringBuilder out = new StringBuilder("\uFEFF");
    List<String> header = new ArrayList<>(List.of(text("kpi.col.unitCode", locale), text("kpi.col.unit", locale)));
    KpiColumn.MEDIATION.forEach(c -> header.add(text("kpi.table.mediation", locale) + " " + text(c.key(), locale)));
    KpiColumn.PETITIONS.forEach(c -> header.add(text("kpi.table.petitions", locale) + " " + text(c.key(), locale)));
    line(out, header);
    for (KpiReport.Row row : rows(report)) {
      List<String> cells = new ArrayList<>(List.of(row == report.total() ? "" : row.unitCode(), name(row, report, locale)));
      KpiColumn.MEDIATION.forEach(c -> cells.add(c.text(row)));
      KpiColumn.PETITIONS.forEach(c -> cells.add(c.text(row)));
      line(out, cells);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  byte[] xlsx(KpiReport report, Locale locale) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(bytes, report, locale);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private void write(OutputStream out, KpiReport report, Locale locale) throws IOException {
    Workbook wb = new Workbook(out, "Jiefen", "1.0");
    sheet(wb.newWorksheet(text("kpi.table.mediation", locale)), KpiColumn.MEDIATION, report, locale);
    sheet(wb.newWorksheet(text("kpi.table.petitions", locale)), KpiColumn.PETITIONS, report, locale);
    wb.finish();
  }

  private void sheet(Worksheet ws, List<KpiColumn> columns, KpiReport report, Locale locale) {
    ws.value(0, 0, text("kpi.col.unitCode", locale));
    ws.value(0, 1, text("kpi.col.unit", locale));
    for (int c = 0; c < columns.size(); c++) {
      ws.value(0, c + 2, text(columns.get(c).key(), locale));
    }
    ws.range(0, 0, 0, columns.size() + 1).style().bold().set();
    ws.width(1, 24);
    int r = 1;
    for (KpiReport.Row row : rows(report)) {
      if (row != report.total()) {
        ws.value(r, 0, row.unitCode());
      }
      ws.value(r, 1, name(row, report, locale));
      for (int c = 0; c < columns.size(); c++) {
        KpiColumn column = columns.get(c);
        Object v = column.value().apply(row);
        if (v instanceof Number n) {
          ws.value(r, c + 2, n);
          String format = switch (column.kind()) {
            case RATE -> "0.0%";
            case DAYS -> n instanceof Integer ? "0" : "0.0";
            case SCORE -> "0.00";
            case COUNT -> null;
          };
          if (format != null) {
            ws.style(r, c + 2).format(format).set();
          }
        }
      }
      r++;
    }
  }

  static List<KpiReport.Row> rows(KpiReport report) {
    List<KpiReport.Row> rows = new ArrayList<>(report.rows());
    rows.add(report.total());
    return rows;
  }

  /** A row's label: the unit's name, "（本级）" added for its own cases, the total row named so. */
  String name(KpiReport.Row row, KpiReport report, Locale locale) {
    if (row == report.total()) {
      return text("kpi.row.total", locale);
    }
    return row.own() ? row.unitName() + text("kpi.row.own", locale) : row.unitName();
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }

  private static void line(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  /** RFC 4180 quoting; a cell starting like a formula is prefixed with ' so a spreadsheet does not run it. */
  static String cell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
