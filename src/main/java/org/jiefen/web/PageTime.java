package org.jiefen.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Instants as people in the service halls read them: Beijing time ({@code ${@time.minute(t)}},
 * {@code ${@time.day(t)}}), whatever the server's zone.
 */
@Component("time")
public class PageTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);

  public String minute(Instant at) {
    return at == null ? "" : MINUTE.format(at);
  }

  public String day(Instant at) {
    return at == null ? "" : DAY.format(at);
  }

  public String day(LocalDate day) {
    return day == null ? "" : day.toString();
  }
}
