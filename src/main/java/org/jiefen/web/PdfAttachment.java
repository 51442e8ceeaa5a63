package org.jiefen.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a generated PDF (a document, a case-file bundle) leaves the server: as an attachment, never
 * cached, with an ASCII file name for old clients and the Chinese one in RFC 5987 form.
 */
public final class PdfAttachment {

  private PdfAttachment() {}

  public static ResponseEntity<byte[]> of(byte[] pdf, String asciiName, String name) {
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encoded)
        .cacheControl(CacheControl.noStore())
        .body(pdf);
  }
}
