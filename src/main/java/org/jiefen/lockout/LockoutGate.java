package org.jiefen.lockout;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.audit.AuditOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;

/**
 * Refuses a locked username before anything behind it runs, so neither the password check nor a
 * cache of recent logins sees the attempt; counts the failures of the provider behind it and locks
 * the username at the limit. The lock state is read on every request: the lock must hold on every
 * instance at once, and a document read by id is cheap next to a password hash.
 */
final class LockoutGate implements AuthenticationProvider {

  private static final Logger LOG = LoggerFactory.getLogger(LockoutGate.class);

  private final AuthenticationProvider delegate;
  private final LoginAttempts attempts;
  private final AuditLog audit;
  private final AuthenticationEventPublisher events;
  private final Consumer<String> onLock;

  LockoutGate(
      AuthenticationProvider delegate, LoginAttempts attempts, AuditLog audit, AuthenticationEventPublisher events,
      Consumer<String> onLock) {
    this.delegate = delegate;
    this.attempts = attempts;
    this.audit = audit;
    this.events = events;
    this.onLock = onLock;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Optional<Instant> lockedUntil = io(() -> attempts.lockedUntil(username));
    if (lockedUntil.isPresent()) {
      // Same answer as a wrong password (401); the audit trail tells the difference.
      LockedException locked = new LockedException("account locked");
      events.publishAuthenticationFailure(locked, authentication);
      throw locked;
    }
    try {
      return delegate.authenticate(authentication);
    } catch (BadCredentialsException e) {
      io(() -> attempts.failed(username))
          .ifPresent(
              until -> {
                onLock.accept(username);
                LOG.warn("sign-in locked for a username until {} after repeated failures", until);
                audit.recordLogin(
                    username, null, AuditAction.ACCOUNT_LOCKED, AuditOutcome.SUCCESS, null, "locked until " + until);
              });
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return delegate.supports(authentication);
  }

  private interface Io<T> {
    T get() throws IOException;
  }

  // Without the lockout store no sign-in can be judged: refuse it (401) rather than skip the check.
  private static <T> T io(Io<T> call) {
    try {
      return call.get();
    } catch (IOException | RuntimeException e) {
      throw new InternalAuthenticationServiceException("login attempts cannot be read or written", e);
    }
  }
}
