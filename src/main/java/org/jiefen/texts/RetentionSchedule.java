package org.jiefen.texts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.audit.AuditOutcome;
import org.jiefen.search.IndexTemplates;
import org.jiefen.web.FieldProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * How long the archive keeps a closed case, by case kind and the outcome the close worker recorded
 * ({@code jiefen.case.close}'s {@code outcome} header): the configured default
 * ({@code jiefen.retention.<kind>.<outcome>}) unless an administrator set another period. An outcome
 * the schedule does not list (a model deployed later, a case closed without one) gets its kind's
 * {@value #OTHER} row. Reads are from a snapshot; a save here rereads it at once, other instances
 * every {@code jiefen.retention.refresh}.
 */
@Service
public class RetentionSchedule implements InitializingBean {

  public static final String OTHER = "other";

  /** The outcomes of each kind, as the models' close tasks record them, and {@value #OTHER}. */
  public static final Map<String, List<String>> OUTCOMES = outcomes();

  private static final Logger LOG = LoggerFactory.getLogger(RetentionSchedule.class);

  /** One row of the schedule: the period that applies, the configured default, and the override if any. */
  public record Entry(String kind, String outcome, RetentionPeriod period, RetentionPeriod defaultPeriod,
      RetentionOverride override) {
    public String key() {
      return kind + "." + outcome;
    }

    public boolean overridden() {
      return override != null;
    }
  }

  private final Map<String, RetentionPeriod> defaults;
  private final RetentionStore store;
  private final Clock clock;
  private final AuditLog audit;
  private volatile Map<String, RetentionOverride> overrides = Map.of();

  // IndexTemplates is taken so the index exists before the first read.
  @org.springframework.beans.factory.annotation.Autowired
  RetentionSchedule(RetentionProperties properties, RetentionStore store, Clock clock, AuditLog audit,
      IndexTemplates indexReady) {
    this(properties, store, clock, audit);
  }

  RetentionSchedule(RetentionProperties properties, RetentionStore store, Clock clock, AuditLog audit) {
    this.defaults = defaults(properties);
    this.store = store;
    this.clock = clock;
    this.audit = audit;
  }

  @Override
  public void afterPropertiesSet() {
    reload();
  }

  /**
   * The retention period of a closed case of {@code kind} ({@code mediation} or {@code petition})
   * that ended with {@code outcome} (null or unknown: the kind's {@value #OTHER} row).
   *
   * @throws IllegalArgumentException for an unknown kind
   */
  public RetentionPeriod periodFor(String kind, String outcome) {
    List<String> outcomes = OUTCOMES.get(kind);
    if (outcomes == null) {
      throw new IllegalArgumentException("no retention schedule for case kind " + kind);
    }
    String row = outcome != null && outcomes.contains(outcome) ? outcome : OTHER;
    return entry(kind, row).period();
  }

  /** Every row, mediation then petition, in the order of {@link #OUTCOMES}. */
  public List<Entry> entries() {
    List<Entry> entries = new ArrayList<>();
    OUTCOMES.forEach((kind, outcomes) -> outcomes.forEach(outcome -> entries.add(entry(kind, outcome))));
    return entries;
  }

  private Entry entry(String kind, String outcome) {
    String key = kind + "." + outcome;
    RetentionPeriod fallback = defaults.get(key);
    RetentionOverride override = overrides.get(key);
    RetentionPeriod period = fallback;
    if (override != null) {
      try {
        period = RetentionPeriod.parse(override.period());
      } catch (IllegalArgumentException e) {
        override = null; // written by hand into the index: the default is the safe reading
      }
    }
    return new Entry(kind, outcome, period, fallback, override);
  }

  /**
   * Applies the changes ({@code kind.outcome} to a period, or to null or blank for the default),
   * all or none: any unknown row or invalid period is a 400 naming each. Every row whose period
   * changes is audited {@code RETENTION_SAVED} with the old and the new period.
   */
  public List<Entry> save(Map<String, String> changes, String user) {
    List<FieldProblem.Violation> violations = new ArrayList<>();
    Map<String, RetentionPeriod> parsed = new LinkedHashMap<>();
    changes.forEach((key, value) -> {
      String[] parts = key == null ? new String[0] : key.split("\\.", 2);
      if (parts.length != 2 || !OUTCOMES.getOrDefault(parts[0], List.of()).contains(parts[1])) {
        violations.add(new FieldProblem.Violation(String.valueOf(key),
            "is not a row of the schedule; rows are kind.outcome, e.g. mediation.agreed"));
        return;
      }
      if (value == null || value.isBlank()) {
        parsed.put(key, null);
        return;
      }
      try {
        parsed.put(key, RetentionPeriod.parse(value));
      } catch (IllegalArgumentException e) {
        violations.add(new FieldProblem.Violation(key, e.getMessage()));
      }
    });
    if (!violations.isEmpty()) {
      throw new FieldProblem(violations);
    }
    parsed.forEach((key, period) -> apply(key, period, user));
    reload();
    return entries();
  }

  private void apply(String key, RetentionPeriod period, String user) {
    String[] parts = key.split("\\.", 2);
    Entry before = entry(parts[0], parts[1]);
    String detail;
    if (period == null) {
      if (!before.overridden()) {
        return;
      }
      store.delete(key);
      detail = before.period().text() + " -> " + before.defaultPeriod().text() + " (default)";
    } else {
      if (before.overridden() && before.period().equals(period)) {
        return;
      }
      store.put(new RetentionOverride(parts[0], parts[1], period.text(), clock.instant(), user));
      detail = before.period().text() + " -> " + period.text();
    }
    audit.record(AuditAction.RETENTION_SAVED, AuditOutcome.SUCCESS, null, key, detail); // audit
    LOG.info("retention of {} changed by {}: {}", key, user, detail);
  }

  /** Rereads the overrides (on its own schedule, so that saves on other instances arrive here). */
  @Scheduled(fixedDelayString = "${jiefen.retention.refresh:30s}", initialDelayString = "${jiefen.retention.refresh:30s}")
  public void refresh() {
    try {
      reload();
    } catch (RuntimeException e) {
      LOG.warn("retention overrides not reread, the previous ones stay in use: {}", e.getMessage());
    }
  }

  private void reload() {
    overrides = store.all().stream()
        .collect(Collectors.toUnmodifiableMap(RetentionOverride::key, Function.identity(), (a, b) -> a));
  }

  /** The configured defaults, every row filled ({@value #OTHER} where a row is not configured); a bad value stops the start. */
  static Map<String, RetentionPeriod> defaults(RetentionProperties properties) {
    Map<String, RetentionPeriod> defaults = new LinkedHashMap<>();
    OUTCOMES.forEach((kind, outcomes) -> {
      Map<String, String> configured = properties.of(kind);
      for (String key : configured.keySet()) {
        if (!outcomes.contains(key)) {
          throw new IllegalStateException("jiefen.retention." + kind + "." + key + ": no such outcome; outcomes are " + outcomes);
        }
      }
      if (configured.get(OTHER) == null) {
        throw new IllegalStateException("jiefen.retention." + kind + "." + OTHER + " is required");
      }
      for (String outcome : outcomes) {
        String value = configured.getOrDefault(outcome, configured.get(OTHER));
        try {
          defaults.put(kind + "." + outcome, RetentionPeriod.parse(value));
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException("jiefen.retention." + kind + "." + outcome + " " + e.getMessage());
        }
      }
    });
    return Map.copyOf(defaults);
  }

  private static Map<String, List<String>> outcomes() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("mediation", List.of("agreed", "terminated", "refused", "linked", OTHER));
    m.put("petition", List.of("handled", "reviewed", "closed_final", "not_accepted", "legal_channel",
        "referred_to_mediation", OTHER));
    return java.util.Collections.unmodifiableMap(m);
  }
}
