package org.jiefen.documents.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * A parsed TrueType font with the metrics the typesetter needs. Parsed once and kept for the life
 * of the process; not thread-safe (fontbox reads tables and glyphs lazily into caches), so a face
 * is used by one document at a time, which {@link DocumentFonts} ensures.
 */
final class FontFace {

  private final TrueTypeFont ttf;
  private final CmapLookup cmap;
  private final float unitsPerEm;
  private final Map<Integer, Float> widths = new HashMap<>();

  private FontFace(TrueTypeFont ttf) throws IOException {
    // Horizontal Chinese needs no glyph substitution, and PDFBox would otherwise build a regular
    // expression of the font's substitution rules for every run of text it shows (a third of the
    // time of a document went there)
    ttf.setEnableGsub(false);
    this.ttf = ttf;
    this.cmap = ttf.getUnicodeCmapLookup();
    this.unitsPerEm = ttf.getUnitsPerEm();
    // read the tables every document needs now, not inside the first document
    ttf.getHorizontalMetrics();
    ttf.getGlyph();
  }

  static FontFace load(String resource) {
    try (InputStream in = FontFace.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "font " + resource + " is not on the classpath; the Maven build copies it from the frontend"
                + " package (src/main/frontend, npm): run ./mvnw process-resources");
      }
      return new FontFace(new TTFParser().parse(RandomAccessReadBuffer.createBufferFromStream(in)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read font " + resource, e);
    }
  }

  TrueTypeFont ttf() {
    return ttf;
  }

  boolean covers(int codePoint) {
    return cmap.getGlyphId(codePoint) > 0;
  }

  /** Advance width of a code point in thousandths of the font size. */
  float width(int codePoint) {
    return widths.computeIfAbsent(codePoint, cp -> {
      try {
        return ttf.getAdvanceWidth(cmap.getGlyphId(cp)) * 1000f / unitsPerEm;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
