package org.jiefen.documents.layout;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.GregorianCalendar;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * What makes a document PDF/A-2b besides embedded fonts: XMP metadata that says so (part 2,
 * conformance B) and repeats the title and dates of the document information dictionary, an sRGB
 * output intent, and a trailer ID. Nothing here reads the clock or a random source: the dates
 * come from the case and the ID from the content, so the same input gives the same bytes.
 */
final class PdfMetadata {

  private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
  private static final String SRGB_NAME = "sRGB IEC61966-2.1";

  private PdfMetadata() {}

  static void apply(PDDocument doc, String title, ZonedDateTime created, byte[] id) throws IOException {
    doc.setVersion(1.7f);
    GregorianCalendar calendar = GregorianCalendar.from(created);
    PDDocumentInformation info = doc.getDocumentInformation();
    info.setTitle(title);
    info.setCreationDate(calendar);
    info.setModificationDate(calendar);

    PDMetadata metadata = new PDMetadata(doc);
    metadata.importXMPMetadata(xmp(title, created).getBytes(StandardCharsets.UTF_8));
    doc.getDocumentCatalog().setMetadata(metadata);
    doc.getDocumentCatalog().setLanguage("zh-CN");

    PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(SRGB));
    intent.setInfo(SRGB_NAME);
    intent.setOutputCondition(SRGB_NAME);
    intent.setOutputConditionIdentifier(SRGB_NAME);
    intent.setRegistryName("http://www.color.org");
    doc.getDocumentCatalog().addOutputIntent(intent);

    COSArray ids = new COSArray();
    ids.add(new COSString(id));
    ids.add(new COSString(id));
    doc.getDocument().setDocumentID(ids);
  }

  static String xmp(String title, ZonedDateTime created) {
    String date = created.withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    return """
        <?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
           <pdfaid:part>2</pdfaid:part>
           <pdfaid:conformance>B</pdfaid:conformance>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
           <dc:format>application/pdf</dc:format>
           <dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
          </rdf:Description>
          <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
           <xmp:CreateDate>%s</xmp:CreateDate>
           <xmp:ModifyDate>%s</xmp:ModifyDate>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>""".formatted(xml(title), date, date);
  }

  private static String xml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
