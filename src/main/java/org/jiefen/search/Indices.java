package org.jiefen.search;

import org.springframework.stereotype.Component;

/** Full names of the indices the app owns, for code that reads and writes them. */
@Component
public class Indices {
  private final ElasticsearchProperties properties;

  public Indices(ElasticsearchProperties properties) {
    this.properties = properties;
  }

  public String cases() { return properties.index(SearchIndex.CASES); }
  public String events() { return properties.index(SearchIndex.EVENTS); }
  public String tasks() { return properties.index(SearchIndex.TASKS); }
  public String units() { return properties.index(SearchIndex.UNITS); }
  public String users() { return properties.index(SearchIndex.USERS); }
  public String deployments() { return properties.index(SearchIndex.DEPLOYMENTS); }
  public String forms() { return properties.index(SearchIndex.FORMS); }
  public String audit() { return properties.index(SearchIndex.AUDIT); }
  public String mailOutbox() { return properties.index(SearchIndex.MAIL_OUTBOX); }
  public String loginAttempts() { return properties.index(SearchIndex.LOGIN_ATTEMPTS); }
  public String calendar() { return properties.index(SearchIndex.CALENDAR); }
  public String modelDrafts() { return properties.index(SearchIndex.MODEL_DRAFTS); }
  public String textOverrides() { return properties.index(SearchIndex.TEXT_OVERRIDES); }
  public String retention() { return properties.index(SearchIndex.RETENTION); }
  public String archive() { return properties.index(SearchIndex.ARCHIVE); }
  public String caseSearch() { return properties.index(SearchIndex.CASE_SEARCH); }
}
