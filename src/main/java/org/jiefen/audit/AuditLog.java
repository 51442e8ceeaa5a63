package org.jiefen.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jiefen.pii.Masking;
import org.jiefen.search.Indices;
import org.jiefen.users.AppUser;
import org.jiefen.users.CurrentUser;
import org.jiefen.web.UnavailableProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit events. Each is an Elasticsearch {@code create} under a fresh random id, so an event
 * can neither overwrite nor be overwritten.
 *
 * <p>Two failure policies:
 *
 * <ul>
 *   <li>{@code record}/{@code recordAs} (request path, system actions): a lost event is logged as an
 *       error and the call fails with {@link UnavailableProblem} (503). Callers record before they
 *       hand out data, so a case file whose read cannot be recorded is not returned.
 *   <li>{@code recordLogin} (authentication): waits at most {@code jiefen.audit.login-timeout}
 *       (default 3 s) and never throws. An audit index that is down or slow must not hold every
 *       sign-in hostage (the lockout store and the user directory decide about access, not the
 *       trail); the event is then written to the error log in full, so it is not lost silently,
 *       and a write that was merely slow still lands.
 * </ul>
 */
@Service
public class AuditLog {

  static final String ANONYMOUS = "anonymous";
  public static final String SYSTEM = "system";
  private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

  private final ElasticsearchClient es;
  private final Indices indices;
  private final Clock clock;
  private final CurrentUser currentUser;
  private final Duration loginTimeout;

  AuditLog(
      ElasticsearchClient es,
      Indices indices,
      Clock clock,
      CurrentUser currentUser,
      @Value("${jiefen.audit.login-timeout:3s}") Duration loginTimeout) {
    this.es = es;
    this.indices = indices;
    this.clock = clock;
    this.currentUser = currentUser;
    this.loginTimeout = loginTimeout;
  }

  /** A successful action of the signed-in user (or "anonymous") in the current request. */
  public AuditEvent record(AuditAction action, String caseId, String target) {
    return record(action, AuditOutcome.SUCCESS, caseId, target, null);
  }

  /** An action of the signed-in user (or "anonymous") in the current request. */
  public AuditEvent record(AuditAction action, AuditOutcome outcome, String caseId, String target, String detail) {
    String actor = ANONYMOUS;
    String unitCode = null;
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
      AppUser user = currentUser.get();
      actor = user.username();
      unitCode = user.unitCode();
    }
    return recordAs(actor, unitCode, action, outcome, caseId, target, detail);
  }

  /** The current request was refused to the current user; the target is its method and path. */
  public AuditEvent denied(String detail) {
    String path = null;
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      path = request.getMethod() + " " + request.getRequestURI();
    }
    return record(AuditAction.ACCESS_DENIED, AuditOutcome.DENIED, null, path, detail);
  }

  /** An action of a named actor, e.g. {@link #SYSTEM}; the remote address is the current request's, if any. */
  public AuditEvent recordAs(
      String actor, String unitCode, AuditAction action, AuditOutcome outcome, String caseId, String target,
      String detail) {
    AuditEvent event = event(actor, unitCode, action, outcome, caseId, target, remoteAddress(), detail);
    try {
      write(event);
      return event;
    } catch (IOException | RuntimeException e) {
      LOG.error("audit event could not be written, refusing the action: {}", event, e);
      throw new UnavailableProblem("The audit trail cannot be written; try again later.", e);
    }
  }

  /** A sign-in event; bounded in time and never throws (see the class comment). */
  public void recordLogin(
      String actor, String unitCode, AuditAction action, AuditOutcome outcome, String remoteAddress, String detail) {
    AuditEvent event =
        event(actor, unitCode, action, outcome, null, null, remoteAddress != null ? remoteAddress : remoteAddress(),
            detail);
    CompletableFuture<Void> write =
        CompletableFuture.runAsync(
            () -> {
              try {
                write(event);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            },
            Thread::startVirtualThread);
    try {
      write.get(loginTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.error("audit event not written within {}, sign-in goes on; event: {}", loginTimeout, event);
    } catch (ExecutionException e) {
      LOG.error("audit event could not be written, sign-in goes on; event: {}", event, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      LOG.error("interrupted while writing audit event: {}", event);
    }
  }

  private AuditEvent event(
      String actor, String unitCode, AuditAction action, AuditOutcome outcome, String caseId, String target,
      String remoteAddress, String detail) {
    return new AuditEvent(
        UUID.randomUUID().toString(),
        clock.instant(),
        actor == null || actor.isBlank() ? ANONYMOUS : Masking.maskText(actor),
        unitCode,
        action,
        Masking.maskText(caseId),
        Masking.maskText(target),
        remoteAddress,
        outcome,
        Masking.maskText(detail));
  }

  private void write(AuditEvent event) throws IOException {
    es.create(c -> c.index(indices.audit()).id(event.id()).document(event));
  }

  private static String remoteAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
