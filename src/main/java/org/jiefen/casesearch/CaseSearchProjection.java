package org.jiefen.casesearch;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jiefen.cases.CaseClock;
import org.jiefen.cases.CaseEvent;
import org.jiefen.cases.CaseFile;
import org.jiefen.cases.CasePetition;
import org.springframework.stereotype.Component;

/**
 * Builds the search document of one case (mapping {@code elasticsearch/case-search.json}) from its
 * file and timeline, then lets every {@link CaseSearchContributor} add its fields. A pure function
 * of its input, so re-projection is idempotent and a bulk loader can call it directly.
 *
 * <p>Personal data: parties' names go to {@code partyNames}; their ID and phone numbers only as
 * the keyed hashes the file already holds. Timeline texts go to {@code text} with every run that
 * looks like a number (plain or masked, seven characters or more) removed, so neither a number nor
 * its masked copy is searchable or highlighted.
 */
@Component
public class CaseSearchProjection {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final Pattern NUMBERS = Pattern.compile("[0-9*＊]{7,}[0-9Xx*＊]*");
  private static final int MAX_TEXT = 20_000;

  private final List<CaseSearchContributor> contributors;

  public CaseSearchProjection(List<CaseSearchContributor> contributors) {
    this.contributors = List.copyOf(contributors);
  }

  /** The search document of an open case, or of an archived one whose file carries no archive instant. */
  public Map<String, Object> project(CaseFile file, List<CaseEvent> timeline) {
    return project(file, timeline, null, null);
  }

  /**
   * The search document. {@code archivedAt}: when the case was archived, null if it is not (read
   * from the stored JSON by callers while the case file may lack the field); {@code changed}: the
   * source's change stamp (the projector's watermark), null for a document outside the change feed.
   */
  public Map<String, Object> project(CaseFile file, List<CaseEvent> timeline, Instant archivedAt, Instant changed) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("id", file.id());
    put(doc, "queryCode", file.queryCode());
    put(doc, "kind", file.kind());
    put(doc, "category", file.category());
    put(doc, "channel", file.channel());
    put(doc, "status", file.status());
    doc.put("archived", archivedAt != null);
    put(doc, "archivedAt", str(archivedAt));
    put(doc, "outcome", file.outcome());
    put(doc, "level", file.level());
    put(doc, "unitCode", file.unitCode());
    put(doc, "unitPath", file.unitPath());
    put(doc, "currentUnitCode", file.currentUnitCode());
    put(doc, "title", file.title());
    put(doc, "description", file.description());
    put(doc, "text", text(file, timeline));
    List<CaseFile.StoredParty> parties = file.parties() == null ? List.of() : file.parties();
    put(doc, "partyNames", parties.stream().map(CaseFile.StoredParty::name).filter(Objects::nonNull).distinct().toList());
    put(doc, "partyIdHashes", parties.stream().map(CaseFile.StoredParty::idHash).filter(Objects::nonNull).distinct().toList());
    put(doc, "partyPhoneHashes",
        parties.stream().map(CaseFile.StoredParty::phoneHash).filter(Objects::nonNull).distinct().toList());
    put(doc, "created", str(file.created()));
    put(doc, "closed", str(file.closed()));
    if (file.created() != null) {
      doc.put("year", file.created().atZone(CHINA).getYear());
    }
    put(doc, "changed", str(changed));
    List<CaseClock> running = file.clocks() == null ? List.of() : file.clocks().stream()
        .filter(c -> !c.hasEnded() && !CaseClock.PAUSED.equals(c.state()) && c.due() != null)
        .toList();
    running.stream().map(CaseClock::due).min(Comparator.naturalOrder()).ifPresent(d -> doc.put("nextDue", d.toString()));
    running.stream().map(CaseClock::warnAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
        .ifPresent(w -> doc.put("nextWarnAt", w.toString()));
    if (file.petition() != null) {
      doc.put("petition", petition(file.petition()));
    }
    for (CaseSearchContributor contributor : contributors) {
      contributor.contribute(file, doc);
    }
    return doc;
  }

  private static Map<String, Object> petition(CasePetition p) {
    Map<String, Object> out = new LinkedHashMap<>();
    put(out, "petitionKind", p.petitionKind());
    out.put("confidential", p.confidential());
    put(out, "accusedHashes", p.accusedHashes());
    put(out, "handlingUnitCode", p.handlingUnitCode());
    put(out, "reviewUnitCode", p.reviewUnitCode());
    put(out, "reReviewUnitCode", p.reReviewUnitCode());
    put(out, "owner", p.owner());
    put(out, "rating", p.rating());
    if (p.supervisions() != null && !p.supervisions().isEmpty()) {
      List<Map<String, Object>> supervisions = new ArrayList<>();
      for (CasePetition.Supervision s : p.supervisions()) {
        Map<String, Object> one = new LinkedHashMap<>();
        put(one, "supervisorUnitCode", s.supervisorUnitCode());
        put(one, "supervisedUnitCode", s.supervisedUnitCode());
        put(one, "closed", str(s.closed()));
        supervisions.add(one);
      }
      out.put("supervisions", supervisions);
    }
    return out;
  }

  /** The timeline's summaries and the agreement's words, once each, without numbers. */
  static String text(CaseFile file, List<CaseEvent> timeline) {
    Set<String> parts = new LinkedHashSet<>();
    for (CaseEvent event : timeline == null ? List.<CaseEvent>of() : timeline) {
      add(parts, event.summary());
    }
    if (file.agreement() != null) {
      add(parts, file.agreement().facts());
      add(parts, file.agreement().terms());
      add(parts, file.agreement().performanceMethod());
    }
    String text = String.join("\n", parts);
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
  }

  private static void add(Set<String> parts, String value) {
    if (value != null && !value.isBlank()) {
      String clean = NUMBERS.matcher(value).replaceAll("").strip();
      if (!clean.isEmpty()) {
        parts.add(clean);
      }
    }
  }

  private static String str(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static void put(Map<String, Object> doc, String field, Object value) {
    if (value == null || (value instanceof String s && s.isEmpty()) || (value instanceof List<?> l && l.isEmpty())) {
      return;
    }
    doc.put(field, value);
  }
}
