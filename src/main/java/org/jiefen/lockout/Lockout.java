package org.jiefen.lockout;

import java.util.function.Consumer;
import org.jiefen.audit.AuditLog;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.stereotype.Component;

/** Puts the lockout in front of an authentication provider; see {@link LockoutGate}. */
@Component
public class Lockout {

  private final LoginAttempts attempts;
  private final AuditLog audit;
  private final AuthenticationEventPublisher events;

  Lockout(LoginAttempts attempts, AuditLog audit, AuthenticationEventPublisher events) {
    this.attempts = attempts;
    this.audit = audit;
    this.events = events;
  }

  /**
   * {@code delegate} guarded by the lockout. {@code onLock} is told the username when it gets
   * locked, so credential caches behind the gate can drop it.
   */
  public AuthenticationProvider guard(AuthenticationProvider delegate, Consumer<String> onLock) {
    return new LockoutGate(delegate, attempts, audit, events, onLock);
  }
}
