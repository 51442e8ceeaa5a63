package org.jiefen.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jiefen.pii.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox. One thread per app instance: woken with the id of a mail just queued (so it
 * normally leaves within a second, without waiting for a search refresh), and every
 * {@code jiefen.mail.dispatch-interval} it looks for due mail (retries whose backoff has passed,
 * claims whose lease ran out).
 *
 * <p>A mail is claimed (PENDING → SENDING with a lease) by a write conditional on the version read,
 * so two instances never both send it; sent, it becomes SENT; a failed attempt puts it back to
 * PENDING with the next attempt after an exponential backoff. A crash after sending and before
 * marking leaves it SENDING: once the lease ends it is sent again (at least once, never lost).
 *
 * <p>All times are the app's {@link Clock}, which in local mode follows the engine clock that
 * {@code POST /dev/clock} moves; the thread's own waits are real time.
 */
@Component
class MailDispatcher implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);
  private static final int LONGEST_ERROR = 500;
  private static final Duration STOP_WAIT = Duration.ofSeconds(15);

  private final OutboxStore store;
  private final JavaMailSender sender;
  private final Clock clock;
  private final OutboxProperties properties;
  private final String from;
  private final LinkedBlockingQueue<String> woken = new LinkedBlockingQueue<>();
  // Sent but not yet marked SENT (Elasticsearch failed at that moment): marked before anything else,
  // so that a short Elasticsearch hiccup does not make the lease run out and the mail go twice.
  private final Map<String, OutboxStore.Versioned> unmarked = new LinkedHashMap<>();

  private volatile boolean running;
  private volatile Thread thread;
  private boolean failing;

  MailDispatcher(
      OutboxStore store,
      JavaMailSender sender,
      Clock clock,
      OutboxProperties properties,
      @Value("${jiefen.mail.from}") String from) {
    this.store = store;
    this.sender = sender;
    this.clock = clock;
    this.properties = properties;
    this.from = from;
  }

  /** Asks for this mail to be tried now. Cheap and never blocks; a stopped dispatcher finds it later. */
  void wake(String id) {
    woken.offer(id);
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    thread = Thread.ofPlatform().name("mail-dispatcher").daemon().start(this::loop);
  }

  @Override
  public void stop() {
    Thread current;
    synchronized (this) {
      running = false;
      current = thread;
      thread = null;
    }
    if (current != null) {
      current.interrupt();
      try {
        current.join(STOP_WAIT);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    long nextLook = System.nanoTime();
    while (running) {
      try {
        long wait = Math.max(0, nextLook - System.nanoTime());
        String first = woken.poll(wait, TimeUnit.NANOSECONDS);
        markUnmarked();
        if (first != null) {
          Set<String> ids = new LinkedHashSet<>();
          ids.add(first);
          woken.drainTo(ids);
          for (String id : ids) {
            store.get(id).ifPresent(this::attempt);
          }
        }
        if (System.nanoTime() - nextLook >= 0) {
          dispatchDue();
          nextLook = System.nanoTime() + properties.dispatchInterval().toNanos();
        }
        recovered();
      } catch (InterruptedException e) {
        if (!running) {
          return;
        }
      } catch (RuntimeException e) {
        // Elasticsearch unreachable, most likely: nothing is lost, the next look finds the mail again.
        nextLook = System.nanoTime() + properties.dispatchInterval().toNanos();
        if (!failing) {
          LOG.warn("mail dispatch paused: {}; retrying every {}", describe(e), properties.dispatchInterval());
          failing = true;
        }
      }
    }
  }

  private void recovered() {
    if (failing) {
      LOG.info("mail dispatch resumed");
      failing = false;
    }
  }

  /** Tries every due mail, in batches, until a batch claims nothing more. */
  int dispatchDue() {
    int sent = 0;
    while (true) {
      List<OutboxStore.Versioned> due = store.due(clock.instant(), properties.batchSize());
      int claimed = 0;
      for (OutboxStore.Versioned mail : due) {
        Outcome outcome = attempt(mail);
        if (outcome != Outcome.NOT_CLAIMED) {
          claimed++;
        }
        if (outcome == Outcome.SENT) {
          sent++;
        }
      }
      // Stale hits (already handled, seen before the index refreshed) claim nothing: stop there.
      if (due.size() < properties.batchSize() || claimed == 0 || !running) {
        return sent;
      }
    }
  }

  enum Outcome { NOT_CLAIMED, SENT, RETRY, FAILED }

  /** Claims, sends and records the result of one mail, if it is due and nobody else has it. */
  Outcome attempt(OutboxStore.Versioned read) {
    Instant now = clock.instant();
    if (!read.record().due(now)) {
      return Outcome.NOT_CLAIMED;
    }
    var claim = store.replace(read, read.record().claimed(now.plus(properties.lease())));
    if (claim.isEmpty()) {
      return Outcome.NOT_CLAIMED;
    }
    OutboxStore.Versioned claimed = claim.get();
    OutboxRecord mail = claimed.record();
    try {
      send(mail);
    } catch (MailException e) {
      String error = describe(e);
      if (permanent(e)) {
        LOG.warn("mail {} of case {} refused for good after {} attempt(s): {}", mail.id(), mail.caseId(),
            mail.attempts() + 1, error);
        store.replace(claimed, mail.failed(error));
        return Outcome.FAILED;
      }
      Duration wait = Backoff.after(mail.attempts() + 1, properties.initialBackoff(), properties.maxBackoff());
      LOG.info("mail {} of case {} not sent (attempt {}), next in {}: {}", mail.id(), mail.caseId(),
          mail.attempts() + 1, wait, error);
      store.replace(claimed, mail.retryAt(clock.instant().plus(wait), error));
      return Outcome.RETRY;
    }
    mark(claimed);
    return Outcome.SENT;
  }

  private void mark(OutboxStore.Versioned claimed) {
    try {
      if (store.replace(claimed, claimed.record().sent(clock.instant())).isEmpty()) {
        LOG.warn("mail {} was sent, but its lease had run out and another instance took it over; "
            + "it may go out twice", claimed.record().id());
      }
    } catch (RuntimeException e) {
      synchronized (unmarked) {
        unmarked.put(claimed.record().id(), claimed);
      }
      throw e;
    }
  }

  private void markUnmarked() {
    List<OutboxStore.Versioned> waiting;
    synchronized (unmarked) {
      waiting = List.copyOf(unmarked.values());
    }
    for (OutboxStore.Versioned claimed : waiting) {
      mark(claimed);
      synchronized (unmarked) {
        unmarked.remove(claimed.record().id());
      }
    }
  }

  private void send(OutboxRecord mail) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(mail.to());
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), false);
      helper.setSentDate(Date.from(clock.instant()));
      sender.send(message);
    } catch (MessagingException e) {
      throw new MailPreparationException("mail could not be composed", e);
    }
  }

  /**
   * The server refused the recipient for good, or the mail cannot be built: retrying cannot help.
   * Connection failures and temporary refusals are retried for as long as they last.
   */
  private static boolean permanent(MailException e) {
    if (e instanceof MailParseException || e instanceof MailPreparationException) {
      return true;
    }
    if (e instanceof MailSendException send) {
      for (Exception cause : send.getFailedMessages().values()) {
        if (cause instanceof SendFailedException failed
            && failed.getInvalidAddresses() != null && failed.getInvalidAddresses().length > 0
            && (failed.getValidUnsentAddresses() == null || failed.getValidUnsentAddresses().length == 0)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A short, masked account of a failure, for the record and the log. */
  static String describe(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null && out.length() < LONGEST_ERROR; t = t.getCause() == t ? null : t.getCause()) {
      if (!out.isEmpty()) {
        out.append(" <- ");
      }
      out.append(t.getClass().getSimpleName());
      if (t.getMessage() != null) {
        out.append(": ").append(t.getMessage().replaceAll("\\p{Cntrl}+", " "));
      }
    }
    String masked = Masking.maskText(out.toString());
    return masked.length() <= LONGEST_ERROR ? masked : masked.substring(0, LONGEST_ERROR);
  }
}
