package org.jiefen.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** An SMTP outage in local mode: stop, start again on the same port, and nothing received before is forgotten. */
class LocalMailServerTest {

  @Test
  void restartsOnTheSamePortAndKeepsWhatItReceivedBefore() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    LocalMailServer server = new LocalMailServer(port);
    try {
      JavaMailSenderImpl sender = new JavaMailSenderImpl();
      sender.setHost("127.0.0.1");
      sender.setPort(port);
      Properties timeouts = new Properties();
      timeouts.put("mail.smtp.connectiontimeout", "2000");
      timeouts.put("mail.smtp.timeout", "2000");
      sender.setJavaMailProperties(timeouts);

      sender.send(mail("before"));
      server.stop();
      assertThat(server.isRunning()).isFalse();
      assertThatThrownBy(() -> sender.send(mail("during"))).isInstanceOf(MailSendException.class);
      assertThat(server.received()).extracting(LocalMailServer.Mail::subject).containsExactly("before");

      server.start();
      sender.send(mail("after"));

      assertThat(server.port()).isEqualTo(port);
      assertThat(server.received()).extracting(LocalMailServer.Mail::subject)
          .containsExactlyInAnyOrder("before", "after");
      server.stop();
      server.stop();
      server.start();
      assertThat(server.received()).hasSize(2);
    } finally {
      server.shutdown();
    }
  }

  private static SimpleMailMessage mail(String subject) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom("noreply@jiefen.local");
    message.setTo("someone@jiefen.local");
    message.setSubject(subject);
    message.setText("text");
    return message;
  }
}
