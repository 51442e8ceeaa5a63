package org.jiefen.cases;

import java.util.Map;

/**
 * What a kind of case adds to the variables its process starts with, beyond the routing data every
 * case gives (caseId, kind, originUnitCode, unitCode). Routing data only: no names, ID or phone
 * numbers, no free text.
 */
public interface ProcessVariables {

  /** The case kind this applies to, e.g. {@code mediation}. */
  String kind();

  Map<String, Object> forCase(CaseFile file);
}
