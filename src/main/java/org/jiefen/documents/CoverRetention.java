package org.jiefen.documents;

import org.jiefen.cases.CaseFile;

/**
 * What the case file cover prints as 保管期限 for a file: the retention schedule's period for its
 * kind and outcome ({@code org.jiefen.texts} provides the bean), written in Chinese.
 */
@FunctionalInterface
public interface CoverRetention {

  /** Without a schedule (unit tests, tools): 长期. */
  CoverRetention LONG_TERM = file -> "长期";

  String text(CaseFile file);
}
