package org.jiefen.cases;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jiefen.web.FieldProblem;

/**
 * What each kind of case requires of a {@link NewCase} beyond the shapes of its fields: the
 * channels of the kind, mediation's category, a petition's kind and its petitioner, the visit
 * record of a visit (来访登记), the accused of a report. Runs with the field constraints, so one
 * 400 names every wrong field.
 */
final class NewCaseRules {

  static final Set<String> MEDIATION_CHANNELS =
      Set.of("walk_in", "hotline_12345", "grid_app", "online", "letter", "phone", "court", "police");
  /** 走访, 来信, 电话, 网上, 12345 转办, 传真 (信访工作条例 Art. 17). */
  static final Set<String> PETITION_CHANNELS = Set.of("visit", "letter", "phone", "online", "hotline_12345", "fax");

  /** Visitors at or above this number make a group visit (集体访). */
  static final int GROUP_VISIT = 5;

  /** How long after a visit its record may still be registered. */
  static final Duration VISIT_RECORD_LATEST = Duration.ofDays(30);

  // a visit record a few minutes ahead of the server's clock is a clock difference, not the future
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private NewCaseRules() {}

  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @Constraint(validatedBy = Validator.class)
  @interface Valid {
    String message() default "does not fit its kind";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  /** Bean validation's side: each violation on its own field. */
  static class Validator implements ConstraintValidator<Valid, NewCase> {

    private final Clock clock;

    Validator(Clock clock) {
      this.clock = clock;
    }

    @Override
    public boolean isValid(NewCase request, ConstraintValidatorContext context) {
      if (request == null) {
        return true;
      }
      List<FieldProblem.Violation> violations = check(request, clock.instant());
      if (violations.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      for (FieldProblem.Violation v : violations) {
        context.buildConstraintViolationWithTemplate(escape(v.message())).addPropertyNode(v.field()).addConstraintViolation();
      }
      return false;
    }

    // messages are templates: braces and dollars would be read as expressions
    private static String escape(String message) {
      return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
  }

  /** Every rule of the request's kind it breaks, at {@code now}; none for an unknown kind (its own field says so). */
  static List<FieldProblem.Violation> check(NewCase r, Instant now) {
    List<FieldProblem.Violation> out = new ArrayList<>();
    if ("mediation".equals(r.kind())) {
      mediation(r, out);
    } else if ("petition".equals(r.kind())) {
      petition(r, now, out);
    }
    return out;
  }

  private static void mediation(NewCase r, List<FieldProblem.Violation> out) {
    if (r.category() == null || r.category().isBlank()) {
      out.add(new FieldProblem.Violation("category", "is required for mediation"));
    }
    if (r.channel() != null && !MEDIATION_CHANNELS.contains(r.channel())) {
      out.add(new FieldProblem.Violation("channel",
          "must be one of walk_in, hotline_12345, grid_app, online, letter, phone, court, police for mediation"));
    }
    petitionOnly(out, "petitionKind", r.petitionKind());
    petitionOnly(out, "confidential", r.confidential());
    petitionOnly(out, "accused", r.accused());
    petitionOnly(out, "visit", r.visit());
    petitionOnly(out, "hotlineOrder", r.hotlineOrder());
  }

  private static void petitionOnly(List<FieldProblem.Violation> out, String field, Object value) {
    if (value != null) {
      out.add(new FieldProblem.Violation(field, "is for petitions only"));
    }
  }

  private static void petition(NewCase r, Instant now, List<FieldProblem.Violation> out) {
    if (r.petitionKind() == null || r.petitionKind().isBlank()) {
      out.add(new FieldProblem.Violation("petitionKind", "is required for a petition: suggestion, report or claim"));
    }
    if (r.channel() != null && !PETITION_CHANNELS.contains(r.channel())) {
      out.add(new FieldProblem.Violation("channel",
          "must be one of visit, letter, phone, online, hotline_12345, fax for a petition"));
    }
    if (r.amount() != null) {
      out.add(new FieldProblem.Violation("amount", "is for mediation only"));
    }
    boolean report = "report".equals(r.petitionKind());
    if (r.accused() != null && !r.accused().isEmpty() && !report) {
      out.add(new FieldProblem.Violation("accused", "is for reports (检举控告) only"));
    }
    if (r.accused() != null) {
      for (int i = 0; i < r.accused().size(); i++) {
        String name = r.accused().get(i);
        // @NotBlank trims ASCII only: a name of ideographic spaces gets here
        if (name != null && !name.trim().isEmpty() && org.jiefen.pii.PersonNames.normalise(name).isEmpty()) {
          out.add(new FieldProblem.Violation("accused[" + i + "]", "must not be blank"));
        }
      }
    }
    if (r.parties() != null) {
      if (r.parties().stream().noneMatch(p -> p != null && "applicant".equals(p.role()))) {
        out.add(new FieldProblem.Violation("parties", "a petition needs its petitioner as a party with role applicant"));
      }
      for (int i = 0; i < r.parties().size(); i++) {
        NewCase.Party p = r.parties().get(i);
        if (report && p != null && "respondent".equals(p.role())) {
          out.add(new FieldProblem.Violation("parties[" + i + "].role",
              "a report names whom it accuses in accused (kept as keyed hashes), not as a party"));
        }
      }
    }
    if ("visit".equals(r.channel())) {
      if (r.visit() == null) {
        out.add(new FieldProblem.Violation("visit", "is required for a visit (来访登记)"));
      } else {
        visit(r.visit(), now, out);
      }
    } else if (r.visit() != null) {
      out.add(new FieldProblem.Violation("visit", "is for channel visit only"));
    }
    if (r.hotlineOrder() != null && !"hotline_12345".equals(r.channel())) {
      out.add(new FieldProblem.Violation("hotlineOrder", "is for channel hotline_12345 only"));
    }
  }

  private static void visit(NewCase.Visit v, Instant now, List<FieldProblem.Violation> out) {
    if (v.visitedAt() != null) {
      Instant at = v.visitedAt().toInstant();
      if (at.isAfter(now.plus(CLOCK_SKEW))) {
        out.add(new FieldProblem.Violation("visit.visitedAt", "must not be in the future"));
      } else if (at.isBefore(now.minus(VISIT_RECORD_LATEST))) {
        out.add(new FieldProblem.Violation("visit.visitedAt",
            "must be within the last " + VISIT_RECORD_LATEST.toDays() + " days: a visit is registered when it happens"));
      }
    }
    if (v.visitors() != null && v.groupVisit() != null && v.groupVisit() != (v.visitors() >= GROUP_VISIT)) {
      out.add(new FieldProblem.Violation("visit.groupVisit",
          "a group visit (集体访) is one of " + GROUP_VISIT + " or more visitors; leave it out to have it derived"));
    }
    if (v.visitors() != null && v.representatives() != null && v.representatives() > v.visitors()) {
      out.add(new FieldProblem.Violation("visit.representatives", "must not exceed visitors"));
    }
  }
}
