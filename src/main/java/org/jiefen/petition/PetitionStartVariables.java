package org.jiefen.petition;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jiefen.cases.CaseFile;
import org.jiefen.cases.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The petition process's start variables beyond those of every case (caseId, kind, unitCode,
 * originUnitCode): the petition's kind, its channel, whether intake found earlier petitions of the
 * same person or matter, and who registered it. Nothing else: the names a report accuses, the
 * visit record and the hotline work order stay in the case file.
 */
@Component
class PetitionStartVariables implements ProcessVariables {

  @Override
  public String kind() {
    return "petition";
  }

  @Override
  public Map<String, Object> forCase(CaseFile file) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("petitionKind", file.petition() == null ? null : file.petition().petitionKind());
    v.put("channel", file.channel());
    v.put("repeatSuspected", file.duplicates() != null && !file.duplicates().isEmpty());
    v.put("registeredBy", file.createdBy());
    return v;
  }
}
