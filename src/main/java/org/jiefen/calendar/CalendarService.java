package org.jiefen.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jiefen.search.IndexTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The calendar the clocks count on. At start, years of the seed file that the index lacks are
 * stored (a year already in the index is never overwritten by the seed: an administrator may have
 * corrected it), then every stored year is loaded into an in-memory {@link HolidayCalendar}. An
 * upload replaces its year and swaps the snapshot at once; other instances pick it up within
 * {@code jiefen.calendar.refresh}. Years missing around today are logged, and the API lists them.
 */
@Service
public class CalendarService implements InitializingBean {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarService.class);

  /** Years an upload may name: well beyond any clock's reach, and a guard against typos. */
  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;

  private record Snapshot(Map<Integer, CalendarYear> years, HolidayCalendar calendar) {}

  private final CalendarStore store;
  private final CalendarProperties properties;
  private final Clock clock;
  private volatile Snapshot snapshot = new Snapshot(Map.of(), HolidayCalendar.EMPTY);
  private volatile List<Integer> lastReportedMissing = List.of();

  // IndexTemplates is taken so the calendar index exists before this bean reads and seeds it.
  CalendarService(CalendarStore store, CalendarProperties properties, Clock clock, IndexTemplates indexReady) {
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void afterPropertiesSet() {
    seed();
    reload();
  }

  /** The snapshot to compute with; the next call may see a newer one. */
  public HolidayCalendar current() {
    return snapshot.calendar();
  }

  public ZoneId zone() {
    return properties.zone();
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(properties.zone()));
  }

  /** The years loaded, in order. */
  public List<CalendarYear> years() {
    return List.copyOf(snapshot.years().values());
  }

  public Optional<CalendarYear> year(int year) {
    return Optional.ofNullable(snapshot.years().get(year));
  }

  /** Of last year, this year and next year, those without data. */
  public List<Integer> missingAroundToday() {
    int now = today().getYear();
    HolidayCalendar calendar = current();
    return IntStream.rangeClosed(now - 1, now + 1).filter(y -> !calendar.knows(y)).boxed().toList();
  }

  /**
   * Replaces a year with the days of an uploaded CSV, checked line by line ({@link CalendarCsv});
   * on any problem nothing is stored and the problem names every offending line.
   */
  CalendarYear replace(int year, String csv, String notice, String updatedBy) {
    List<CalendarDay> days = CalendarCsv.year(year, csv);
    CalendarYear stored = new CalendarYear(year, CalendarYear.UPLOAD, notice, clock.instant(), updatedBy,
        days.stream().sorted(java.util.Comparator.comparing(CalendarDay::date)).toList());
    store.put(stored);
    reload();
    LOG.info("Holiday calendar {} replaced by {}: {} holidays, {} adjusted working days", year, updatedBy,
        stored.holidays(), stored.workdays());
    return stored;
  }

  /** Rereads every year from the index and swaps the snapshot. */
  @Scheduled(fixedDelayString = "${jiefen.calendar.refresh:5m}", initialDelayString = "${jiefen.calendar.refresh:5m}")
  public synchronized void reload() {
    Map<Integer, CalendarYear> years = new TreeMap<>();
    for (CalendarYear year : store.all()) {
      years.put(year.year(), year);
    }
    HolidayCalendar calendar =
        HolidayCalendar.of(years.values().stream().collect(Collectors.toMap(CalendarYear::year, CalendarYear::days)));
    snapshot = new Snapshot(java.util.Collections.unmodifiableMap(years), calendar);
    reportMissing();
  }

  private void reportMissing() {
    int now = today().getYear();
    List<Integer> missing = IntStream.rangeClosed(now, now + 1).filter(y -> !current().knows(y)).boxed().toList();
    if (!missing.equals(lastReportedMissing)) {
      lastReportedMissing = missing;
      for (int year : missing) {
        LOG.warn("No holiday calendar for {}: working-day clocks reaching into it count weekends only and say so."
            + " Load the State Council notice with PUT /api/v1/calendar/{} (text/csv: date,kind,name).", year, year);
      }
    }
  }

  private void seed() {
    String text = read(properties.seed());
    if (text == null) {
      LOG.warn("Calendar seed {} not found on the classpath; nothing seeded", properties.seed());
      return;
    }
    Map<Integer, List<CalendarDay>> years = CalendarCsv.years(text);
    Properties notices = notices();
    for (var entry : years.entrySet()) {
      CalendarYear year = new CalendarYear(entry.getKey(), CalendarYear.SEED,
          notices.getProperty(Integer.toString(entry.getKey())), clock.instant(), "system", entry.getValue());
      if (store.createIfAbsent(year)) {
        LOG.info("Holiday calendar {} seeded from {}", entry.getKey(), properties.seed());
      }
    }
  }

  private Properties notices() {
    Properties notices = new Properties();
    String text = properties.seedNotices() == null ? null : read(properties.seedNotices());
    if (text != null) {
      try {
        notices.load(new java.io.StringReader(text));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return notices;
  }

  private static String read(String classpathLocation) {
    ClassPathResource resource = new ClassPathResource(classpathLocation);
    if (!resource.exists()) {
      return null;
    }
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
