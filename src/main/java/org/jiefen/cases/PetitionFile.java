package org.jiefen.cases;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/**
 * Read-modify-write of a case's {@link CasePetition} under the file's optimistic concurrency.
 *
 * <p>The file is written as a partial update, which merges objects field by field and skips
 * nulls (the document mapper writes no nulls), so a field set back to null (the handling unit
 * after a return) would keep its old value. The petition is therefore written as a JSON tree with
 * explicit nulls, which replaces every field of the stored object.
 */
@Component
class PetitionFile {

  // Like the document mapper, but keeping nulls: see the class comment.
  private static final JsonMapper WITH_NULLS = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .build();

  /** What a change answers: the petition as it should be, and the unit now working the case (null: unchanged). */
  record Change(CasePetition petition, String currentUnitCode) {
    static Change of(CasePetition petition) {
      return new Change(petition, null);
    }
  }

  private final CaseRepository cases;
  private final java.time.Clock clock;

  PetitionFile(CaseRepository cases, java.time.Clock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  /**
   * Applies {@code change} to the current file and its petition ({@link #empty()} when the file
   * has none yet) and writes the result when it differs; on a conflict it runs again on the newer
   * file. Answers the file as written (or as it was).
   */
  CaseFile modify(String caseId, BiFunction<CaseFile, CasePetition, Change> change) {
    return cases.modify(caseId, file -> {
      Change next = change.apply(file, file.petition() == null ? empty() : file.petition());
      boolean samePetition = next.petition().equals(file.petition());
      boolean sameUnit = next.currentUnitCode() == null || next.currentUnitCode().equals(file.currentUnitCode());
      if (samePetition && sameUnit) {
        return Map.of();
      }
      Map<String, Object> fields = new HashMap<>();
      fields.put("petition", tree(next.petition()));
      if (!sameUnit) {
        fields.put("currentUnitCode", next.currentUnitCode());
      }
      fields.put("updated", clock.instant().toString());
      return fields;
    });
  }

  CaseFile find(String caseId) {
    return cases.find(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
  }

  /** The petition part of a case registered without one (a case of another kind the process treats as a petition). */
  static CasePetition empty() {
    return new CasePetition(null, false, List.of(), null, null, null, null, List.of(), List.of(), null, null, null,
        null, null, false);
  }

  static ObjectNode tree(CasePetition petition) {
    return WITH_NULLS.valueToTree(Objects.requireNonNull(petition));
  }
}
