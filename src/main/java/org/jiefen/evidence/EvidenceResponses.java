package org.jiefen.evidence;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jiefen.cases.CaseEvidence;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How evidence leaves the server, for the API and the case page alike: always as an attachment
 * with the type its content is, never sniffed, never cached, and sandboxed should a browser render
 * it anyway, so nothing a party brought can run in our origin.
 */
public final class EvidenceResponses {

  private EvidenceResponses() {}

  public static ResponseEntity<byte[]> download(EvidenceService.Download download) {
    CaseEvidence e = download.evidence();
    String type = EvidenceType.byId(e.type()).map(EvidenceType::extension).orElse("bin");
    String ascii = "evidence-" + e.sha256().substring(0, 12) + "." + type;
    String name = URLEncoder.encode(download.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(download.mediaType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + name)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .cacheControl(CacheControl.noStore())
        .body(download.content());
  }
}
