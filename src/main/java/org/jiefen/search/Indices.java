package org.jiefen.search;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Names of the indices the app owns, under one configurable prefix. */
@Component
public class Indices {
  private final String prefix;

  public Indices(@Value("${jiefen.elasticsearch.index-prefix:jiefen}") String prefix) {
    this.prefix = prefix;
  }

  public String cases() { return prefix + "-cases"; }
  public String events() { return prefix + "-events"; }
  public String tasks() { return prefix + "-tasks"; }
  public String units() { return prefix + "-units"; }
  public String users() { return prefix + "-users"; }
  public String deployments() { return prefix + "-deployments"; }
  public String audit() { return prefix + "-audit"; }
  public String mailOutbox() { return prefix + "-mail-outbox"; }
}
