package org.jiefen.workers.notification;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jiefen.cases.CaseLookup;
import org.jiefen.mail.Outbox;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.users.AppUser;
import org.jiefen.users.Role;
import org.jiefen.users.UserDirectory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code jiefen.notify.mail}: mails the holders of the roles in the {@code recipients} header at
 * the case's unit (or the nearest unit above that has one), using the {@code template} header.
 * One mail per (case, event, recipient): the event is the element instance, stable across retries.
 */
@Component
public class MailNotificationWorker {

  private final Outbox outbox;
  private final UserDirectory users;
  private final UnitDirectory units;
  private final CaseLookup cases;
  private final ResourceBundleMessageSource templates = new ResourceBundleMessageSource();

  MailNotificationWorker(Outbox outbox, UserDirectory users, UnitDirectory units, CaseLookup cases) {
    this.outbox = outbox;
    this.users = users;
    this.units = units;
    this.cases = cases;
    templates.setBasename("i18n/mail");
    templates.setDefaultEncoding("UTF-8");
    templates.setFallbackToSystemLocale(false);
  }

  @JobWorker(type = "jiefen.notify.mail", fetchVariables = {"caseId", "unitCode"})
  public void notify(ActivatedJob job) {
    Map<String, String> headers = job.getCustomHeaders();
    String template = headers.get("template");
    Map<String, Object> variables = job.getVariablesAsMap();
    String caseId = (String) variables.get("caseId");
    var summary = cases.summary(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
    String unitCode = (String) variables.getOrDefault("unitCode", summary.unitCode());
    for (String roleName : headers.getOrDefault("recipients", "SUPERVISOR").split(",")) {
      for (AppUser user : holders(Role.valueOf(roleName.strip()), unitCode)) {
        if (user.email() == null) {
          continue;
        }
        Object[] args = {summary.id(), user.displayName(), summary.title(), summary.queryCode()};
        Locale locale = Locale.SIMPLIFIED_CHINESE;
        outbox.send(
            caseId + ":" + template + ":" + job.getElementInstanceKey(),
            user.email(),
            templates.getMessage("mail." + template + ".subject", args, locale),
            templates.getMessage("mail." + template + ".text", args, locale));
      }
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
}
