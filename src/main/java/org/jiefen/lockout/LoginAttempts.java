package org.jiefen.lockout;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins and locks per username, one document each. Updates are read-modify-write with
 * the document's sequence number (the bare distribution has no scripting), retried on conflict, so
 * two instances counting the same username at once lose no failure.
 *
 * <p>Unknown usernames are counted too: a lock that only real accounts can get would tell an
 * attacker which names exist.
 */
@Component
class LoginAttempts {

  // Longer names cannot be accounts, and would otherwise let anyone fill the index with junk ids.
  private static final int LONGEST_USERNAME = 128;
  private static final int RETRIES = 10;

  record Attempts(String username, List<Instant> failures, Instant lockedUntil) {}

  private final ElasticsearchClient es;
  private final Indices indices;
  private final Clock clock;
  private final LockoutProperties properties;

  LoginAttempts(ElasticsearchClient es, Indices indices, Clock clock, LockoutProperties properties) {
    this.es = es;
    this.indices = indices;
    this.clock = clock;
    this.properties = properties;
  }

  /** When the lock of this username ends, if it is locked now. */
  Optional<Instant> lockedUntil(String username) throws IOException {
    if (!countable(username)) {
      return Optional.empty();
    }
    var doc = es.get(g -> g.index(indices.loginAttempts()).id(username), Attempts.class);
    Instant until = doc.found() ? doc.source().lockedUntil() : null;
    return until != null && until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
  }

  /** Counts a failed sign-in; returns the end of the lock if this failure locked the username. */
  Optional<Instant> failed(String username) throws IOException {
    if (!countable(username)) {
      return Optional.empty();
    }
    for (int attempt = 0; ; attempt++) {
      var doc = es.get(g -> g.index(indices.loginAttempts()).id(username), Attempts.class);
      Instant now = clock.instant();
      Instant windowStart = now.minus(properties.window());
      List<Instant> failures = new ArrayList<>();
      Instant lockedUntil = null;
      if (doc.found()) {
        if (doc.source().failures() != null) {
          doc.source().failures().stream().filter(windowStart::isBefore).forEach(failures::add);
        }
        lockedUntil = doc.source().lockedUntil();
      }
      failures.add(now);
      boolean locks = failures.size() >= properties.maxFailures() && (lockedUntil == null || !lockedUntil.isAfter(now));
      if (locks) {
        lockedUntil = now.plus(properties.duration());
        // A lock that ends gives a fresh count, not one that relocks at the next typo.
        failures.clear();
      }
      Attempts next = new Attempts(username, failures, lockedUntil);
      boolean applied =
          org.jiefen.search.Documents.unlessConflict(
              () ->
                  doc.found()
                      ? es.index(i -> i.index(indices.loginAttempts()).id(username).document(next)
                          .ifSeqNo(doc.seqNo()).ifPrimaryTerm(doc.primaryTerm()))
                      : es.create(c -> c.index(indices.loginAttempts()).id(username).document(next)));
      if (applied) {
        return locks ? Optional.of(lockedUntil) : Optional.empty();
      }
      if (attempt >= RETRIES) {
        throw new IllegalStateException("login attempts of " + username + " kept changing under us");
      }
    }
  }

  private static boolean countable(String username) {
    return username != null && !username.isBlank() && username.length() <= LONGEST_USERNAME;
  }
}
