package org.jiefen.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits guessing at the citizen query: at most {@code max-failures-per-code} failed tries per
 * query code and {@code max-failures-per-address} per client address within {@code window}; beyond
 * that every try is refused, right or wrong, until the oldest failure leaves the window. An
 * address gets more tries than a code because a service hall or a mobile carrier puts many
 * citizens behind one address.
 *
 * <p>The counts live in this instance's memory: right for local mode and one instance; several
 * instances behind a load balancer each count on their own (a shared store, e.g. an Elasticsearch
 * index as the login lockout uses, would be the production answer). Counting uses the system
 * clock, not the engine's, so a demo that moves time does not lift a block.
 */
@Component
class QueryThrottle {

  private static final int MAX_KEYS = 100_000;

  private final int perCode;
  private final int perAddress;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  @org.springframework.beans.factory.annotation.Autowired
  QueryThrottle(
      @Value("${jiefen.query.max-failures-per-code:5}") int perCode,
      @Value("${jiefen.query.max-failures-per-address:20}") int perAddress,
      @Value("${jiefen.query.window:PT15M}") Duration window) {
    this(perCode, perAddress, window, Clock.systemUTC());
  }

  QueryThrottle(int perCode, int perAddress, Duration window, Clock clock) {
    this.perCode = perCode;
    this.perAddress = perAddress;
    this.window = window;
    this.clock = clock;
  }

  /** Whether a try with this code from this address is refused now. */
  boolean blocked(String code, String address) {
    return recent("code:" + code) >= perCode || recent("address:" + address) >= perAddress;
  }

  /** Counts a failed try against the code and the address. */
  void failed(String code, String address) {
    if (failures.size() > MAX_KEYS) {
      prune();
    }
    Instant now = clock.instant();
    for (String key : new String[] {"code:" + code, "address:" + address}) {
      failures.compute(key, (k, times) -> {
        Deque<Instant> list = times == null ? new ArrayDeque<>() : times;
        list.addLast(now);
        return list;
      });
    }
  }

  private int recent(String key) {
    Instant since = clock.instant().minus(window);
    Deque<Instant> left = failures.computeIfPresent(key, (k, times) -> {
      while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
        times.pollFirst();
      }
      return times.isEmpty() ? null : times;
    });
    return left == null ? 0 : left.size();
  }

  private void prune() {
    failures.keySet().forEach(this::recent);
  }
}
