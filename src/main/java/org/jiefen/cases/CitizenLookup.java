package org.jiefen.cases;

import static org.jiefen.search.Documents.unchecked;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jiefen.search.Documents;
import org.jiefen.search.Indices;
import org.jiefen.web.PageTime;
import org.springframework.stereotype.Service;

/**
 * Finds a case for the citizen query: by its query code (on the receipt) and the last four digits
 * of a party's mobile number. The digits are compared with the masked copy the file keeps
 * ({@code 138****5678} shows them), so nothing is decrypted; the comparison takes the same time
 * whichever digit differs. What it answers is the standing of the case only: no names, numbers,
 * units or staff.
 */
@Service
public class CitizenLookup {

  /** Where a case stands, for the citizen: its kind, status, level, the clocks still running and how far it got. */
  public record Standing(
      String caseId,
      String kind,
      String status,
      String level,
      LocalDate closedOn,
      List<RunningClock> clocks,
      boolean agreementEffective,
      String confirmationStatus) {

    /** Whether a clock of this id still runs. */
    public Optional<RunningClock> clock(String id) {
      return clocks.stream().filter(c -> c.id().equals(id)).findFirst();
    }
  }

  /** A statutory clock that still runs and the last day of its period. */
  public record RunningClock(String id, LocalDate lastDay) {}

  private final ElasticsearchClient es;
  private final Indices indices;

  CitizenLookup(ElasticsearchClient es, Indices indices) {
    this.es = es;
    this.indices = indices;
  }

  /** The case with this query code that has a party whose mobile number ends in {@code lastFour}; empty otherwise. */
  public Optional<Standing> find(String queryCode, String lastFour) {
    var response = unchecked(() -> es.search(s -> s.index(indices.cases())
        .size(2)
        .source(src -> src.filter(f -> f.includes("id", "kind", "status", "level", "closed", "clocks",
            "parties.phoneMasked", "agreement.effective", "confirmation.status")))
        .query(q -> q.term(t -> t.field("queryCode").value(queryCode))), CaseFile.class));
    List<CaseFile> found = Documents.sources(response);
    if (found.size() != 1) {
      return Optional.empty(); // none, or (never expected) an ambiguous code: answer nothing
    }
    CaseFile file = found.getFirst();
    if (!anyPhoneEndsWith(file, lastFour)) {
      return Optional.empty();
    }
    return Optional.of(standing(file));
  }

  private static boolean anyPhoneEndsWith(CaseFile file, String lastFour) {
    boolean match = false;
    byte[] given = lastFour.getBytes(StandardCharsets.US_ASCII);
    for (CaseFile.StoredParty p : file.parties() == null ? List.<CaseFile.StoredParty>of() : file.parties()) {
      String masked = p.phoneMasked();
      if (masked != null && masked.length() >= 4) {
        byte[] stored = masked.substring(masked.length() - 4).getBytes(StandardCharsets.US_ASCII);
        match |= MessageDigest.isEqual(stored, given);
      }
    }
    return match;
  }

  private static Standing standing(CaseFile file) {
    List<RunningClock> clocks = file.clocks() == null ? List.of() : file.clocks().stream()
        .filter(c -> !c.hasEnded() && c.due() != null)
        .map(c -> new RunningClock(c.id(), lastDay(c.due())))
        .toList();
    return new Standing(file.id(), file.kind(), file.status(), file.level(),
        file.closed() == null ? null : file.closed().atZone(PageTime.ZONE).toLocalDate(), clocks,
        file.agreement() != null && file.agreement().effective() != null,
        file.confirmation() == null ? null : file.confirmation().status());
  }

  private static LocalDate lastDay(Instant due) {
    return due.minusNanos(1).atZone(PageTime.ZONE).toLocalDate();
  }
}
