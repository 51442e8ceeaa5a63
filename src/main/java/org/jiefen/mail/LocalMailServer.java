package org.jiefen.mail;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.annotation.PreDestroy;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jiefen.platform.LocalMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * GreenMail as the SMTP server of local mode, on loopback; every message it receives is kept for the
 * dev mailbox. It can be stopped and started again on the same port (an SMTP outage, for tests and
 * demos); GreenMail starts every run with an empty store, so what an earlier run received is kept
 * here.
 */
@Component
@LocalMode
public class LocalMailServer {

  /** A received mail as the dev mailbox shows it. */
  public record Mail(List<String> to, String subject, String text, Instant sentAt) {}

  private final GreenMail greenMail;
  private final int port;
  private final List<Mail> earlierRuns = new ArrayList<>();

  public LocalMailServer(@Value("${jiefen.mail.port}") int port) {
    this.port = port;
    greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
  }

  public int port() {
    return port;
  }

  public boolean isRunning() {
    return greenMail.isRunning();
  }

  /** Everything received since the app started, across stops and starts; newest first. */
  public synchronized List<Mail> received() {
    List<Mail> all = new ArrayList<>(earlierRuns);
    if (greenMail.isRunning()) {
      Arrays.stream(greenMail.getReceivedMessages()).map(LocalMailServer::toMail).forEach(all::add);
    }
    all.sort(Comparator.comparing(Mail::sentAt).reversed());
    return all;
  }

  /** Stops accepting mail, to let tests show that nothing is lost while SMTP is down. */
  public synchronized void stop() {
    if (!greenMail.isRunning()) {
      return;
    }
    // stop() replaces GreenMail's store: keep hold of the old one and read it once no more mail can arrive.
    Managers run = greenMail.getManagers();
    greenMail.stop();
    run.getImapHostManager().getAllMessages().stream()
        .map(m -> toMail(m.getMimeMessage()))
        .forEach(earlierRuns::add);
  }

  /** Accepts mail again, on the same port. */
  public synchronized void start() {
    if (!greenMail.isRunning()) {
      greenMail.start();
    }
  }

  private static Mail toMail(MimeMessage message) {
    try {
      List<String> to =
          Arrays.stream(message.getAllRecipients() == null ? new Address[0] : message.getAllRecipients())
              .map(Address::toString)
              .collect(Collectors.toList());
      Instant sent = message.getSentDate() == null ? Instant.EPOCH : message.getSentDate().toInstant();
      return new Mail(to, message.getSubject(), text(message.getContent()), sent);
    } catch (MessagingException | IOException e) {
      return new Mail(List.of(), "(unreadable message)", "", Instant.EPOCH);
    }
  }

  private static String text(Object content) throws MessagingException, IOException {
    if (content instanceof String s) {
      return s;
    }
    if (content instanceof MimeMultipart multipart && multipart.getCount() > 0) {
      return text(multipart.getBodyPart(0).getContent());
    }
    return "";
  }

  @PreDestroy
  synchronized void shutdown() {
    greenMail.stop();
  }
}
