package org.jiefen.users;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Remembers successful password checks for a few minutes. API clients send Basic credentials on
 * every request, and a bcrypt check costs ~100 ms of CPU; without this, authentication alone caps
 * the API at a few requests per second per core. Only successes are remembered, under an HMAC of
 * the password with a key that lives in memory only, so the cache never holds a password.
 */
final class RecentLogins implements AuthenticationProvider {

  private record Entry(byte[] digest, Authentication result, Instant expires) {}

  private final AuthenticationManager delegate;
  private final Duration ttl;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final SecretKeySpec key;

  RecentLogins(AuthenticationManager delegate, Duration ttl) {
    this.delegate = delegate;
    this.ttl = ttl;
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    key = new SecretKeySpec(secret, "HmacSHA256");
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String username = authentication.getName();
    Object credentials = authentication.getCredentials();
    if (username == null || !(credentials instanceof String password)) {
      return delegate.authenticate(authentication);
    }
    byte[] digest = digest(username, password);
    Entry entry = entries.get(username);
    if (entry != null && clock.instant().isBefore(entry.expires()) && MessageDigest.isEqual(entry.digest(), digest)) {
      return entry.result();
    }
    Authentication result = delegate.authenticate(authentication);
    if (result != null && result.isAuthenticated()) {
      entries.put(username, new Entry(digest, result, clock.instant().plus(ttl)));
    }
    return result;
  }

  /** Forgets a user, e.g. when their password, roles or lock state change. */
  void forget(String username) {
    entries.remove(username);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private byte[] digest(String username, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update(username.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
