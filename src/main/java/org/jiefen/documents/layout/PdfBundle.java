package org.jiefen.documents.layout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * PDF/A-2b documents merged into one PDF/A-2b document: the pages of each part in order (each
 * keeps its embedded font subsets), one bookmark per part, and once for the whole: XMP metadata
 * saying PDF/A-2b, the sRGB output intent, and a trailer ID from the parts' bytes. No clock, no
 * randomness: the same parts give the same bytes.
 */
public final class PdfBundle {

  /** One document of the bundle and the bookmark that leads to its first page. */
  public record Part(String bookmark, byte[] pdf) {}

  /** The merged PDF and its page count. */
  public record Merged(byte[] pdf, int pages) {}

  private PdfBundle() {}

  public static Merged merge(List<Part> parts, String title, ZonedDateTime date) {
    List<PDDocument> sources = new ArrayList<>();
    try (PDDocument bundle = new PDDocument()) {
      PDFMergerUtility merger = new PDFMergerUtility();
      PDDocumentOutline outline = new PDDocumentOutline();
      for (Part part : parts) {
        PDDocument source = Loader.loadPDF(part.pdf());
        sources.add(source);
        int first = bundle.getNumberOfPages();
        merger.appendDocument(bundle, source);
        if (bundle.getNumberOfPages() > first) {
          PDOutlineItem item = new PDOutlineItem();
          item.setTitle(part.bookmark());
          item.setDestination(bundle.getPage(first));
          outline.addLast(item);
        }
      }
      var catalog = bundle.getDocumentCatalog();
      // the parts' own metadata and output intents (one each) make way for the bundle's
      catalog.getCOSObject().removeItem(COSName.OUTPUT_INTENTS);
      catalog.getCOSObject().removeItem(COSName.METADATA);
      catalog.getCOSObject().removeItem(COSName.STRUCT_TREE_ROOT);
      catalog.getCOSObject().removeItem(COSName.MARK_INFO);
      catalog.setDocumentOutline(outline);
      PdfMetadata.apply(bundle, title, date, id(parts));
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * 1024);
      bundle.save(bytes);
      return new Merged(bytes.toByteArray(), bundle.getNumberOfPages());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot merge the bundle " + title, e);
    } finally {
      for (PDDocument source : sources) {
        try {
          source.close();
        } catch (IOException ignored) {
          // read-only copies in memory
        }
      }
    }
  }

  private static byte[] id(List<Part> parts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Part part : parts) {
        sha.update(part.pdf());
        sha.update((byte) 0);
      }
      return Arrays.copyOf(sha.digest(), 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
