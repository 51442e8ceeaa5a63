package org.jiefen.mediation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiefen.cases.Agreements;
import org.jiefen.cases.CaseFile;
import org.jiefen.cases.ProcessVariables;
import org.springframework.stereotype.Component;

/** The mediation process's start variables: triage's inputs, its settings, and the duplicates intake found. */
@Component
class MediationStartVariables implements ProcessVariables {

  private final MediationSettings settings;

  MediationStartVariables(MediationSettings settings) {
    this.settings = settings;
  }

  @Override
  public String kind() {
    return "mediation";
  }

  @Override
  public Map<String, Object> forCase(CaseFile file) {
    List<String> duplicates = file.duplicates() == null ? List.of() : file.duplicates();
    Map<String, Object> v = new LinkedHashMap<>();
    // triage (MediationTriage.dmn) routes on them
    v.put("category", file.category());
    v.put("amount", file.amount());
    v.put("maxAttempts", settings.maxAttempts());
    v.put("followUpDelay", settings.followUpDelay().toString());
    v.put("duplicateSuspected", !duplicates.isEmpty());
    // Case ids only: titles may name people and must not become process variables.
    v.put("duplicateOptions", duplicates.stream().map(id -> new Agreements.Option(id, id)).toList());
    v.put("registeredBy", file.createdBy());
    v.put("registrarUnit", file.createdByUnit() == null ? file.unitCode() : file.createdByUnit());
    return v;
  }
}
