package org.jiefen.cases;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Case ids and the citizen's query code. */
@Component
class CaseNumbers {

  // No 0/O, 1/I/L: codes are read out over the phone and typed from paper.
  private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  CaseNumbers(Clock clock) {
    this.clock = clock;
  }

  /** e.g. {@code MD-20261122-7K3QX}: kind, day of registration, random part. */
  String caseId(CaseKind kind) {
    String prefix = kind == CaseKind.MEDIATION ? "MD" : "XF";
    return prefix + "-" + DAY.format(clock.instant().atZone(CHINA)) + "-" + random(5);
  }

  String queryCode() {
    return random(8);
  }

  private String random(int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(out);
  }
}
