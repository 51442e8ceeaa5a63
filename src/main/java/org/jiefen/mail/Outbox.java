package org.jiefen.mail;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.jiefen.pii.Masking;
import org.jiefen.search.Indices;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends each mail once per (event key, recipient). The outbox record is written before sending
 * and marked sent after, so a retried or twice-delivered job does not mail twice; if SMTP is down
 * the send throws, the job fails and is retried with backoff until the mail goes out.
 */
@Service
public class Outbox {

  /** The outbox record of one mail. */
  public record OutboxMail(
      String id, String key, String to, String subject, String text, String status, Instant queued, Instant sent) {}

  private final ElasticsearchClient es;
  private final Indices indices;
  private final JavaMailSender sender;
  private final Clock clock;
  private final String from;

  Outbox(
      ElasticsearchClient es,
      Indices indices,
      JavaMailSender sender,
      Clock clock,
      @Value("${jiefen.mail.from}") String from) {
    this.es = es;
    this.indices = indices;
    this.sender = sender;
    this.clock = clock;
    this.from = from;
  }

  /** Returns true when the mail was sent now, false when it had been sent before. */
  public boolean send(String key, String to, String subject, String text) {
    if (to == null || to.isBlank() || to.contains("\r") || to.contains("\n")) {
      throw new IllegalArgumentException("invalid recipient");
    }
    String id = id(key, to);
    try {
      var existing = es.get(g -> g.index(indices.mailOutbox()).id(id), OutboxMail.class);
      if (existing.found() && "SENT".equals(existing.source().status())) {
        return false;
      }
      String safeSubject = Masking.maskText(subject).replaceAll("[\\r\\n]+", " ");
      String safeText = Masking.maskText(text);
      Instant queued = existing.found() ? existing.source().queued() : clock.instant();
      OutboxMail pending = new OutboxMail(id, key, to, safeSubject, safeText, "PENDING", queued, null);
      es.index(i -> i.index(indices.mailOutbox()).id(id).document(pending));
      deliver(to, safeSubject, safeText);
      OutboxMail sent = new OutboxMail(id, key, to, safeSubject, safeText, "SENT", queued, clock.instant());
      es.index(i -> i.index(indices.mailOutbox()).id(id).document(sent));
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void deliver(String to, String subject, String text) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(subject);
      helper.setText(text, false);
      helper.setSentDate(java.util.Date.from(clock.instant()));
      sender.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("mail could not be composed", e);
    }
  }

  private static String id(String key, String to) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest((key + "|" + to).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
