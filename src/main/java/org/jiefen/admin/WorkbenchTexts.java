package org.jiefen.admin;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiefen.deploy.Finding;
import org.jiefen.deploy.ModelChange;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Findings and changes as the administrator reads them: {@code admin.finding.<rule>} with the
 * finding's arguments, and a sentence per change from {@code admin.change.*}, {@code admin.type.*}
 * and {@code admin.property.*}. Codes without a text fall back to the English message or the code.
 */
@Component
class WorkbenchTexts {

  /** A finding for the editor: where, which rule, and the sentence. */
  record FindingView(String elementId, String rule, String message, List<String> args, String text) {}

  /** A change for the editor, with its sentence. */
  record ChangeView(
      String change, String elementId, String elementType, String name, String property, String detail, String before,
      String after, String text) {}

  private final MessageSource messages;

  WorkbenchTexts(MessageSource messages) {
    this.messages = messages;
  }

  List<FindingView> findings(List<Finding> findings, Locale locale) {
    return findings.stream()
        .map(f -> new FindingView(f.elementId(), f.rule(), f.message(), f.args(),
            messages.getMessage("admin.finding." + f.rule(), f.args().toArray(), f.message(), locale)))
        .toList();
  }

  List<ChangeView> changes(List<ModelChange> changes, Locale locale) {
    return changes.stream()
        .map(c -> new ChangeView(c.change().name(), c.elementId(), c.elementType(), c.name(), c.property(), c.detail(),
            c.before(), c.after(), sentence(c, locale)))
        .toList();
  }

  Map<String, Object> report(Workbench.CheckReport report, Locale locale) {
    return Map.of(
        "baseVersion", report.baseVersion() == null ? "" : report.baseVersion(),
        "errors", findings(report.errors(), locale),
        "warnings", findings(report.warnings(), locale),
        "changes", changes(report.changes(), locale));
  }

  String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  private String sentence(ModelChange c, Locale locale) {
    String type = c.elementType() == null ? "" : messages.getMessage("admin.type." + c.elementType(), null, c.elementType(), locale);
    String element = c.name() == null || c.name().isBlank() ? c.elementId() : c.name() + " (" + c.elementId() + ")";
    if (c.change() != ModelChange.Kind.CHANGED) {
      return text("admin.change." + c.change(), locale, type, element);
    }
    String property = c.property() == null ? "" : messages.getMessage("admin.property." + c.property(), null, c.property(), locale);
    if (c.detail() != null && !c.detail().isBlank()) {
      property = property + " " + c.detail();
    }
    return text("admin.change.CHANGED", locale, type, element, property, blank(c.before(), locale), blank(c.after(), locale));
  }

  private String blank(String value, Locale locale) {
    return value == null || value.isBlank() ? text("admin.change.none", locale) : value;
  }
}
