package org.jiefen.workers.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import org.jiefen.units.UnitLevel;

/**
 * What a notification says about its case and event, from the case file and the process variables,
 * turned into the template arguments for one reader's language.
 */
record MailFacts(
    String caseId,
    String title,
    String queryCode,
    String unitName,
    UnitLevel level,
    Instant levelDue,
    TemporalAccessor sessionAt,
    String sessionPlace,
    String escalationReason,
    Integer maxAttempts,
    Instant due,
    String court,
    String confirmationReason,
    PetitionFacts petition) {

  /** China keeps one time zone; dates in mail are read there. */
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** The attempt limit per level that the mediation model uses when the process does not say. */
  static final int DEFAULT_MAX_ATTEMPTS = 3;

  /** A variable the model set with a value the templates cannot use: a modelling error. */
  static final class BadVariable extends RuntimeException {
    BadVariable(String message) {
      super(message);
    }
  }

  /** The reader-independent facts; the variables are those the worker fetched. */
  static MailFacts of(String caseId, String title, String queryCode, String unitName, UnitLevel unitLevel,
      Map<String, Object> variables) {
    return of(caseId, title, queryCode, unitName, unitLevel, variables, null, null, null);
  }

  /**
   * As above, with the court confirmation facts: {@code dueVariable} names the variable holding the
   * due instant of the clock the mail is about (header {@code due}); {@code court} and
   * {@code confirmationReason} come from the case file.
   */
  static MailFacts of(String caseId, String title, String queryCode, String unitName, UnitLevel unitLevel,
      Map<String, Object> variables, String dueVariable, String court, String confirmationReason) {
    UnitLevel level = unitLevel;
    String levelName = string(variables, "level");
    if (levelName != null) {
      try {
        level = UnitLevel.valueOf(levelName);
      } catch (IllegalArgumentException e) {
        throw new BadVariable("variable level must be VILLAGE, TOWN or COUNTY, not '" + clip(levelName) + "'");
      }
    }
    String reason = string(variables, "escalationReason");
    if (reason != null && !reason.equals("attempts") && !reason.equals("deadline")) {
      throw new BadVariable("variable escalationReason must be 'attempts' or 'deadline', not '" + clip(reason) + "'");
    }
    Object max = variables.get("maxAttempts");
    Integer maxAttempts = null;
    if (max instanceof Number n && n.intValue() > 0) {
      maxAttempts = n.intValue();
    } else if (max != null) {
      throw new BadVariable("variable maxAttempts must be a positive number");
    }
    return new MailFacts(caseId, title, queryCode, unitName, level, instant(variables, "levelDue"),
        dateOrDateTime(variables, "sessionAt"), string(variables, "sessionPlace"), reason, maxAttempts,
        dueVariable == null ? null : instant(variables, dueVariable), court, confirmationReason, null);
  }

  /** As these facts, with what a petition mail says ({@link PetitionFacts}). */
  MailFacts with(PetitionFacts facts) {
    return new MailFacts(caseId, title, queryCode, unitName, level, levelDue, sessionAt, sessionPlace,
        escalationReason, maxAttempts, due, court, confirmationReason, facts);
  }

  /** The template arguments {0}..{23} (see mail_zh_CN.properties) for a reader called {@code name}. */
  Object[] args(String name, Locale locale, MailTemplates templates) {
    String missing = templates.phrase("mail.value.missing", locale);
    boolean english = "en".equals(locale.getLanguage());
    PetitionFacts p = petition == null ? PetitionFacts.NONE : petition;
    String unknownUnit = templates.phrase("mail.petition.unknown-unit", locale);
    String unitAbove = templates.phrase("mail.petition.unit-above", locale);
    // a petition mail without a due header states the due date of the clock it is about
    Instant dueDay = due != null ? due : p.clockDue();
    String reason =
        switch (escalationReason == null ? "" : escalationReason) {
          case "attempts" -> templates.phrase("mail.reason.attempts", locale,
              maxAttempts == null ? DEFAULT_MAX_ATTEMPTS : maxAttempts);
          case "deadline" -> templates.phrase("mail.reason.deadline", locale);
          default -> templates.phrase("mail.reason.none", locale);
        };
    return new Object[] {
      caseId,
      orElse(name, english ? "Sir or Madam" : "您好"),
      orElse(title, missing),
      orElse(queryCode, missing),
      orElse(unitName, missing),
      level == null ? missing : level.mediationBody(locale),
      levelDue == null ? missing : date(levelDue.atZone(ZONE).toLocalDate(), english),
      sessionAt == null ? missing : session(english),
      orElse(sessionPlace, missing),
      reason,
      orElse(court, english ? "the people's court" : "人民法院"),
      // A clock falls due at the end of its last day: the day shown is the one before the instant's midnight.
      dueDay == null ? missing : date(dueDay.minusSeconds(1).atZone(ZONE).toLocalDate(), english),
      orElse(confirmationReason, templates.phrase("mail.value.no-reason", locale)),
      orElse(p.handlingUnit(), unknownUnit),
      clockName(p, locale, templates),
      orElse(p.reason(), templates.phrase("mail.value.no-reason", locale)),
      orElse(p.supervisedUnit(), unknownUnit),
      p.daysLate() > 0 ? templates.phrase("mail.petition.late", locale, p.daysLate()) : "",
      orElse(p.mediationCaseId(), missing),
      orElse(p.aboveHandling(), unitAbove),
      orElse(p.office(), orElse(unitName, unknownUnit)),
      orElse(p.reviewUnit(), unknownUnit),
      orElse(p.aboveReview(), unitAbove),
      orElse(p.reReviewUnit(), unknownUnit)
    };
  }

  /** The clock in the reader's language (mail.clock.<id>), else its label in the case file. */
  private static String clockName(PetitionFacts p, Locale locale, MailTemplates templates) {
    String fallback = orElse(p.clockLabel(), templates.phrase("mail.petition.some-clock", locale));
    return p.clockId() == null ? fallback : templates.phraseOr("mail.clock." + p.clockId(), fallback, locale);
  }

  private String session(boolean english) {
    if (sessionAt instanceof LocalDate day) {
      return date(day, english);
    }
    LocalDateTime at = (LocalDateTime) sessionAt;
    return date(at.toLocalDate(), english) + (english ? ", " : " ") + at.format(DateTimeFormatter.ofPattern("HH:mm"));
  }

  private static String date(LocalDate day, boolean english) {
    return english
        ? day.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH))
        : day.format(DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.SIMPLIFIED_CHINESE));
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static String string(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new BadVariable("variable " + name + " must be a string");
    }
    return s.isBlank() ? null : s.strip();
  }

  private static Instant instant(Map<String, Object> variables, String name) {
    String value = string(variables, name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadVariable("variable " + name + " must be an ISO-8601 instant, not '" + clip(value) + "'");
    }
  }

  /** A local date, or a date-time read in China's time (an offset or zone given is converted). */
  private static TemporalAccessor dateOrDateTime(Map<String, Object> variables, String name) {
    String value = string(variables, name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException notADate) {
      try {
        return LocalDateTime.parse(value);
      } catch (DateTimeParseException notLocal) {
        try {
          return ZonedDateTime.parse(value).withZoneSameInstant(ZONE).toLocalDateTime();
        } catch (DateTimeParseException e) {
          throw new BadVariable("variable " + name + " must be an ISO-8601 date or date-time, not '" + clip(value) + "'");
        }
      }
    }
  }

  // Variable values in an incident message: short, and never an ID or phone number.
  private static String clip(String value) {
    String masked = org.jiefen.pii.Masking.maskText(value.replaceAll("\\p{Cntrl}", " "));
    return masked.length() <= 40 ? masked : masked.substring(0, 40) + "…";
  }
}
