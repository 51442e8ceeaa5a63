package org.jiefen.documents.layout;

import java.util.ArrayList;
import java.util.List;

/** What the typesetter put on one page, in PDF coordinates (origin bottom left), before it is drawn. */
public final class PageContent {

  /** A drawing operation. */
  sealed interface Op {}

  /** A run of text at a baseline; {@code spacing} is extra space after each character (justification). */
  record Text(float x, float y, boolean bold, float size, String text, float spacing) implements Op {}

  /** A straight line. */
  record Rule(float x1, float y1, float x2, float y2) implements Op {}

  private final List<Op> ops = new ArrayList<>();

  void add(Op op) {
    ops.add(op);
  }

  List<Op> ops() {
    return ops;
  }

  boolean isEmpty() {
    return ops.isEmpty();
  }
}
