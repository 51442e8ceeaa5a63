package org.jiefen.texts;

import java.time.Instant;

/**
 * An administrator's wording of one text: a mail template ({@code kind} {@value #MAIL}, {@code name}
 * the template, {@code language} zh_CN or en, {@code subject} and {@code text}) or a document clause
 * ({@code kind} {@value #DOCUMENT}, {@code name} the clause id, zh_CN, {@code text} only).
 * {@code hash} is the SHA-256 of what was saved, as the audit trail records it.
 */
public record TextOverride(
    String kind, String name, String language, String subject, String text, String hash, Instant updated,
    String updatedBy) {

  public static final String MAIL = "mail";
  public static final String DOCUMENT = "document";

  static String id(String kind, String name, String language) {
    return kind + ":" + name + ":" + language;
  }

  String id() {
    return id(kind, name, language);
  }
}
