package org.jiefen.casesearch;

import java.util.Map;
import org.jiefen.cases.CaseFile;

/**
 * Adds fields to a case's search document (mapping: {@code elasticsearch/case-search.json}) from
 * its case file: other features keep what they derive from a case beside the rest of it, e.g. the
 * KPI facts under {@code kpi}. Called for every projection, so it must be a pure, fast function of
 * the file.
 */
public interface CaseSearchContributor {

  void contribute(CaseFile file, Map<String, Object> doc);
}
