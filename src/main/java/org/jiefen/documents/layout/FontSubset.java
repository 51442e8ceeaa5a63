package org.jiefen.documents.layout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Embeds exactly the characters a document uses. The pages are typeset before anything is drawn,
 * so the characters are known: the subset is cut from the shared face first and the small font
 * that results is embedded whole. Letting PDFBox subset at save time would first describe all
 * 65,000 glyphs of the CJK font (widths, CID map) for every document, which cost more than the
 * rest of the document.
 */
final class FontSubset {

  /** The tables a PDF's TrueType font program needs (ISO 32000 9.9), hinting included. */
  private static final List<String> TABLES =
      List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx", "fpgm", "gasp", "cmap", "name", "OS/2", "post");

  private FontSubset() {}

  static PDType0Font embed(PDDocument doc, FontFace face, Set<Integer> codePoints) throws IOException {
    SortedSet<Integer> sorted = new TreeSet<>(codePoints);
    TTFSubsetter subsetter = new TTFSubsetter(face.ttf(), TABLES);
    subsetter.addAll(sorted);
    subsetter.setPrefix(tag(sorted));
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    subsetter.writeToStream(out);
    TrueTypeFont subset = new TTFParser().parse(new RandomAccessReadBuffer(out.toByteArray()));
    subset.setEnableGsub(false);
    return PDType0Font.load(doc, subset, false);
  }

  /** The six-letter subset tag (ISO 32000 9.6.4), derived from the characters: same subset, same name. */
  private static String tag(SortedSet<Integer> codePoints) {
    long hash = 1125899906842597L;
    for (int cp : codePoints) {
      hash = 31 * hash + cp;
    }
    StringBuilder tag = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      tag.append((char) ('A' + Math.floorMod(hash, 26)));
      hash /= 26;
    }
    return tag.append('+').toString();
  }
}
