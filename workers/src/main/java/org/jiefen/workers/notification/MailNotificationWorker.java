package org.jiefen.workers.notification;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jiefen.cases.CaseLookup;
import org.jiefen.mail.Outbox;
import org.jiefen.pii.Masking;
import org.jiefen.texts.TextOverrides;
import org.jiefen.workers.JobFailures;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.users.AppUser;
import org.jiefen.users.Role;
import org.jiefen.users.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code jiefen.notify.mail}: queues one mail per recipient in the {@link Outbox} and completes;
 * the outbox delivers it, so an SMTP outage never holds up the process.
 *
 * <p>Headers: {@code template} (a template in {@code i18n/mail_*.properties}, in the administrators'
 * wording when they changed it, {@link TextOverrides}), optional {@code due}
 * (the variable with the due date the mail states, one of {@link #DUE_VARIABLES}; a petition mail
 * without one states the due date of the clock in variable {@code clockId}) and {@code recipients},
 * a comma list of {@code PARTIES} (every party of the case with an e-mail address, in Chinese) and
 * {@link Role} names such as {@code MEDIATOR}, {@code SUPERVISOR}, {@code POLICE_LIAISON}: the
 * holders of that role at the unit in {@code unitCode} or, when it has none, at the nearest unit
 * above that has, each in the language they chose, except anyone the case (a report) names as
 * accused; a confidential petition is called by a neutral title. An unknown template or token is a modelling
 * error: the job fails without retries, which raises an incident.
 *
 * <p>Petition templates ({@code petition-*}) also read the case file for unit names, the clock, the
 * reason someone recorded, the supervision and the linked mediation case ({@link PetitionMailReader}).
 *
 * <p>Idempotent: the event key is (case, template, element instance), stable across retries and
 * redeliveries, and the outbox keeps one mail per (event, recipient).
 */
@Component
public class MailNotificationWorker {

  static final String PARTIES = "PARTIES";

  /** Variables a {@code due} header may name: the clocks whose due date a mail states. */
  static final List<String> DUE_VARIABLES = List.of("levelDue", "applicationDue", "acceptanceDue", "decisionDue",
      "triageDue", "objectionDue", "handlingDue", "reviewWindowDue", "reviewDue", "reReviewWindowDue", "reReviewDue");

  private static final Logger LOG = LoggerFactory.getLogger(MailNotificationWorker.class);

  // The models give these jobs 10 retries: the fewer are left, the longer an outage has lasted, the longer the wait.
  private static final Duration LONGEST_RETRY = Duration.ofMinutes(2);

  private final Outbox outbox;
  private final UserDirectory users;
  private final UnitDirectory units;
  private final CaseLookup cases;
  private final PetitionMailReader petitions;
  private final MailTemplates templates;

  MailNotificationWorker(Outbox outbox, UserDirectory users, UnitDirectory units, CaseLookup cases,
      PetitionMailReader petitions, TextOverrides overrides) {
    this.templates = new MailTemplates(overrides);
    this.outbox = outbox;
    this.users = users;
    this.units = units;
    this.cases = cases;
    this.petitions = petitions;
  }

  /** A recipient and the language to write to them in. */
  record Recipient(String name, String email, Locale locale) {}

  /** The model asks for something that does not exist: retrying cannot help. */
  static final class ModellingError extends RuntimeException {
    ModellingError(String message) {
      super(message);
    }
  }

  @JobWorker(
      type = "jiefen.notify.mail",
      fetchVariables = {
        "caseId", "unitCode", "level", "levelDue", "sessionAt", "sessionPlace", "escalationReason", "maxAttempts",
        "applicationDue", "acceptanceDue", "decisionDue",
        "triageDue", "objectionDue", "handlingDue", "reviewWindowDue", "reviewDue", "reReviewWindowDue", "reReviewDue",
        "clockId", "handlingUnitCode"
      })
  public void notify(ActivatedJob job) {
    try {
      queue(job);
    } catch (ModellingError | MailFacts.BadVariable e) {
      LOG.error("mail job {} ({}) cannot be done: {}", job.getKey(), job.getElementId(), e.getMessage());
      throw CamundaError.jobError(e.getMessage(), null, 0);
    } catch (RuntimeException e) {
      // Elasticsearch unreachable, most likely; what was queued stays queued, the retry queues the rest.
      String error = Masking.maskText(e.getClass().getSimpleName() + ": " + e.getMessage());
      int retries = Math.max(0, job.getRetries() - 1);
      Duration wait = JobFailures.backoff(job.getRetries(), LONGEST_RETRY);
      LOG.warn("mail job {} failed, {} retries left, next in {}: {}", job.getKey(), retries, wait, error);
      throw CamundaError.jobError("mail not queued: " + error, null, retries, wait);
    }
  }

  private void queue(ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    String template = headers.get("template");
    if (!templates.exists(template)) {
      throw new ModellingError("unknown mail template '" + clip(template) + "' in header 'template'");
    }
    List<String> tokens = tokens(headers.get("recipients"));
    Map<String, Object> variables = job.getVariablesAsMap();
    if (!(variables.get("caseId") instanceof String caseId) || caseId.isBlank()) {
      throw new ModellingError("variable caseId is missing");
    }
    var summary = cases.summary(caseId).orElseThrow(() -> new ModellingError("no case " + clip(caseId)));
    String unitCode = variables.get("unitCode") instanceof String code && !code.isBlank() ? code : summary.unitCode();
    Optional<Unit> unit = units.find(unitCode);
    String due = headers.get("due");
    if (due != null && !DUE_VARIABLES.contains(due)) {
      throw new ModellingError("header 'due' must name one of " + DUE_VARIABLES);
    }
    var confirmation = cases.confirmation(caseId);
    MailFacts facts =
        MailFacts.of(caseId, summary.title(), summary.queryCode(), unit.map(Unit::name).orElse(unitCode),
            unit.map(Unit::level).orElse(null), variables, due,
            confirmation.map(c -> c.court()).orElse(null), confirmation.map(c -> c.reason()).orElse(null));
    if (PetitionMailReader.applies(template)) {
      facts = facts.with(petitions.read(caseId, summary.unitCode(), template, variables, due));
    }

    String key = caseId + ":" + template + ":" + job.getElementInstanceKey();
    int queued = 0;
    List<Recipient> recipients = recipients(tokens, caseId, unitCode);
    for (Recipient recipient : recipients) {
      var mail = templates.render(template, recipient.locale(), facts.args(recipient.name(), recipient.locale(), templates));
      try {
        if (outbox.enqueue(new Outbox.Mail(key, caseId, template, recipient.email(), mail.subject(), mail.text()))) {
          queued++;
        }
      } catch (IllegalArgumentException e) {
        // An address that cannot be mailed must not hold up the others or the process.
        LOG.warn("mail {} of case {}: a recipient's address is not usable, skipped", template, caseId);
      }
    }
    LOG.info("mail {} of case {}: {} queued now, {} recipient(s) in all", template, caseId, queued, recipients.size());
  }

  /** The tokens of the recipients header, all checked before anything is queued. */
  private static List<String> tokens(String header) {
    List<String> tokens = new ArrayList<>();
    for (String token : header == null ? new String[0] : header.split(",")) {
      String t = token.strip();
      if (t.isEmpty()) {
        continue;
      }
      if (!t.equals(PARTIES) && role(t) == null) {
        throw new ModellingError("unknown recipient '" + clip(t) + "' in header 'recipients'; use PARTIES or a role: "
            + java.util.Arrays.toString(Role.values()));
      }
      tokens.add(t);
    }
    if (tokens.isEmpty()) {
      throw new ModellingError("header 'recipients' is missing or empty");
    }
    return tokens;
  }

  /** Everyone the tokens name who has an address, each once (by address). */
  private List<Recipient> recipients(List<String> tokens, String caseId, String unitCode) {
    Map<String, Recipient> byAddress = new LinkedHashMap<>();
    for (String token : tokens) {
      if (token.equals(PARTIES)) {
        for (var party : cases.partyContacts(caseId)) {
          byAddress.putIfAbsent(party.email().toLowerCase(Locale.ROOT),
              new Recipient(party.name(), party.email(), Locale.SIMPLIFIED_CHINESE));
        }
      } else {
        for (AppUser user : holders(role(token), unitCode)) {
          // a petition's accused never hear of it (信访工作条例 Art. 28), whatever role they hold
          if (user.email() != null && !user.email().isBlank() && cases.mayBeTold(caseId, user)) {
            byAddress.putIfAbsent(user.email().toLowerCase(Locale.ROOT),
                new Recipient(user.displayName(), user.email(), user.mailLocale()));
          }
        }
      }
    }
    return List.copyOf(byAddress.values());
  }

  private static Role role(String token) {
    try {
      return Role.valueOf(token);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Holders of the role at the unit, or at the nearest unit above that has any. */
  private List<AppUser> holders(Role role, String unitCode) {
    Optional<Unit> unit = units.find(unitCode);
    while (unit.isPresent()) {
      List<AppUser> found = users.withRole(role, unit.get().code());
      if (!found.isEmpty()) {
        return found;
      }
      unit = units.parent(unit.get());
    }
    return List.of();
  }

  // Header and variable values in an incident message: short and masked.
  private static String clip(String value) {
    if (value == null) {
      return "";
    }
    String masked = Masking.maskText(value.replaceAll("\\p{Cntrl}", " "));
    return masked.length() <= 40 ? masked : masked.substring(0, 40) + "…";
  }
}
