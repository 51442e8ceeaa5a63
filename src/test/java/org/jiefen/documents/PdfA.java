package org.jiefen.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Checks on generated PDFs: veraPDF's PDF/A-2b validation, the text layer, a picture of a page. */
public final class PdfA {

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private PdfA() {}

  /** Asserts PDF/A-2b compliance; on failure the message lists every failed rule. */
  public static void assertCompliant(byte[] pdf, String name) {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
      ValidationResult result = validator.validate(parser);
      String failed = result.getTestAssertions().stream()
          .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
          .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()
              + " @ " + a.getLocation().getContext())
          .distinct()
          .collect(Collectors.joining("\n"));
      assertThat(result.isCompliant()).as(name + " is PDF/A-2b; failed rules:\n" + failed).isTrue();
    } catch (Exception e) {
      throw new AssertionError("veraPDF could not validate " + name, e);
    }
  }

  public static String text(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Renders a page (1-based) to target/documents/{name}.png for a person to look at. */
  public static Path png(byte[] pdf, int page, String name) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Path out = Path.of("target/documents", name + ".png");
      Files.createDirectories(out.getParent());
      ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(page - 1, 100), "png", out.toFile());
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
