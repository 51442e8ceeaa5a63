package org.jiefen.admin;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import org.jiefen.deploy.ModelKind;
import org.jiefen.deploy.ModelPreparer;
import org.jiefen.web.FileProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editors' JSON endpoints (web chain: session and CSRF header, administrators only). The body
 * is the model text; it is read up to the preparer's limit and no further. Failures are problem
 * bodies; a refused deploy is 422 with the findings, each naming its element.
 */
@RestController
@RequestMapping("/admin/models/{kind}/{id}")
class WorkbenchEndpoints {

  private final Workbench workbench;
  private final WorkbenchTexts texts;
  private final ModelPreparer preparer;

  WorkbenchEndpoints(Workbench workbench, WorkbenchTexts texts, ModelPreparer preparer) {
    this.workbench = workbench;
    this.texts = texts;
    this.preparer = preparer;
  }

  @PutMapping("/draft")
  Workbench.DraftInfo saveDraft(
      @PathVariable String kind, @PathVariable String id, @RequestParam(required = false) Integer basedOn,
      HttpServletRequest request, Principal user) throws IOException {
    return workbench.saveDraft(ModelKinds.parse(kind), id, body(request), basedOn, user.getName());
  }

  @DeleteMapping("/draft")
  ResponseEntity<Void> discardDraft(@PathVariable String kind, @PathVariable String id) {
    workbench.discardDraft(ModelKinds.parse(kind), id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/check")
  Map<String, Object> check(@PathVariable String kind, @PathVariable String id, HttpServletRequest request, Locale locale)
      throws IOException {
    return texts.report(workbench.check(ModelKinds.parse(kind), id, body(request)), locale);
  }

  @PostMapping("/deploy")
  ResponseEntity<Map<String, Object>> deploy(
      @PathVariable String kind, @PathVariable String id, HttpServletRequest request, Principal user, Locale locale)
      throws IOException {
    Workbench.Deployed deployed = workbench.deploy(ModelKinds.parse(kind), id, body(request), user.getName());
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of(
            "version", deployed.version(),
            "sha256", deployed.sha256(),
            "unchanged", deployed.unchanged(),
            "text", texts.text(deployed.unchanged() ? "models.deployed.unchanged" : "models.deployed", locale,
                deployed.version())));
  }

  /** The body as text, refused with 413 once it passes the limit (nothing beyond is read). */
  private String body(HttpServletRequest request) throws IOException {
    long max = preparer.maxBytes();
    if (request.getContentLengthLong() > max) {
      throw tooLarge(max);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes((int) max + 1);
      if (bytes.length > max) {
        throw tooLarge(max);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static FileProblem tooLarge(long max) {
    return new FileProblem(HttpStatus.PAYLOAD_TOO_LARGE, "content", "size", "is larger than " + max + " bytes");
  }
}
