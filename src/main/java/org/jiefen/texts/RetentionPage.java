package org.jiefen.texts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jiefen.users.CurrentUser;
import org.jiefen.web.WebPage;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/retention}: the retention schedule as one form, a period per row (only rows whose
 * period changes are saved and audited) and a button per changed row to restore its default. An
 * invalid period shows at its row with what was typed; nothing is saved then.
 */
@Controller
@WebPage
class RetentionPage {

  /** A row as the page shows it: the entry, the period as typed or stored, and its reading in words. */
  record Row(RetentionSchedule.Entry entry, String value, String words, String defaultWords) {}

  private final RetentionSchedule schedule;
  private final CurrentUser currentUser;
  private final MessageSource messages;

  RetentionPage(RetentionSchedule schedule, CurrentUser currentUser, MessageSource messages) {
    this.schedule = schedule;
    this.currentUser = currentUser;
    this.messages = messages;
  }

  @GetMapping("/admin/retention")
  String page(Model model) {
    return show(Map.of(), Map.of(), model);
  }

  @PostMapping("/admin/retention")
  String save(@RequestParam Map<String, String> params, @RequestParam(required = false) String restore, Model model) {
    Map<String, String> changes = new LinkedHashMap<>();
    Map<String, String> typed = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (RetentionSchedule.Entry e : schedule.entries()) {
      if (e.key().equals(restore)) {
        changes.put(e.key(), null);
        continue;
      }
      String value = params.get(e.key());
      if (value == null) {
        continue;
      }
      typed.put(e.key(), value);
      try {
        RetentionPeriod period = RetentionPeriod.parse(value);
        if (!period.equals(e.period())) {
          changes.put(e.key(), period.text());
        }
      } catch (IllegalArgumentException invalid) {
        errors.put(e.key(), messages.getMessage("texts.error.period", null, LocaleContextHolder.getLocale()));
      }
    }
    if (!errors.isEmpty()) {
      return show(typed, errors, model);
    }
    if (!changes.isEmpty()) {
      schedule.save(changes, currentUser.get().username());
    }
    return "redirect:/admin/retention?saved";
  }

  private String show(Map<String, String> typed, Map<String, String> errors, Model model) {
    Locale locale = LocaleContextHolder.getLocale();
    List<Row> rows = schedule.entries().stream()
        .map(e -> {
          String value = typed.getOrDefault(e.key(), e.period().text());
          return new Row(e, value, words(value, locale), words(e.defaultPeriod(), locale));
        })
        .toList();
    model.addAttribute("rows", rows);
    model.addAttribute("errors", errors);
    return "texts/retention";
  }

  /** The reading of what is in the field, nothing when it is no period. */
  private String words(String value, Locale locale) {
    try {
      return words(RetentionPeriod.parse(value), locale);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** 30 年, 2 年 6 个月, 永久 (30 years, permanent). */
  private String words(RetentionPeriod period, Locale locale) {
    if (period.permanent()) {
      return messages.getMessage("texts.retention.permanent", null, locale);
    }
    int years = period.period().getYears();
    int months = period.period().getMonths();
    if (months == 0) {
      return messages.getMessage("texts.retention.years", new Object[] {years}, locale);
    }
    if (years == 0) {
      return messages.getMessage("texts.retention.months", new Object[] {months}, locale);
    }
    return messages.getMessage("texts.retention.yearsMonths", new Object[] {years, months}, locale);
  }
}
