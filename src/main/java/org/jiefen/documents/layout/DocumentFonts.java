package org.jiefen.documents.layout;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The document font, Noto Serif SC regular and bold, parsed once per slot and reused. Each document
 * cuts the subset it needs from a parsed font ({@link FontSubset}), but a parsed fontbox
 * {@code TrueTypeFont} reads its tables and glyphs lazily into caches that are not fully
 * synchronised, so one must not serve two documents at the same time. Hence a small pool: a
 * document borrows a pair of faces, parsed the first time a slot is needed (~30 MB and a second or
 * two each), and gives them back when it is written.
 */
public final class DocumentFonts {

  static final String REGULAR = "/fonts/NotoSerifSC_400Regular.ttf";
  static final String BOLD = "/fonts/NotoSerifSC_700Bold.ttf";

  /** The regular and bold faces one document uses. */
  record Faces(FontFace regular, FontFace bold) {

    FontFace face(boolean isBold) {
      return isBold ? bold : regular;
    }
  }

  private final BlockingQueue<Faces> idle = new LinkedBlockingQueue<>();
  private final AtomicInteger created = new AtomicInteger();
  private final int slots;

  /** @param slots how many documents may be typeset at the same time */
  public DocumentFonts(int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("font slots must be at least 1");
    }
    this.slots = slots;
  }

  /** Parses the first pair now, so the first document does not pay for it. */
  public DocumentFonts warmUp() {
    give(borrow());
    return this;
  }

  Faces borrow() {
    Faces faces = idle.poll();
    if (faces != null) {
      return faces;
    }
    if (created.incrementAndGet() <= slots) {
      return new Faces(FontFace.load(REGULAR), FontFace.load(BOLD));
    }
    created.decrementAndGet();
    try {
      return idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the document font", e);
    }
  }

  void give(Faces faces) {
    idle.add(faces);
  }
}
