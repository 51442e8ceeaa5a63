package org.jiefen.evidence;

import java.net.URI;
import java.util.List;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.cases.CaseEvidence;
import org.jiefen.cases.CaseEvidenceFiles;
import org.jiefen.users.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Evidence of a case over the API: upload (multipart {@code file}, {@code description}), list, download. */
@RestController
@RequestMapping("/api/v1/cases/{id}/evidence")
class EvidenceController {

  private final EvidenceService evidence;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  EvidenceController(EvidenceService evidence, CurrentUser currentUser, AuditLog audit) {
    this.evidence = evidence;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  /** 201 with the record for new bytes, 200 with the earlier record for bytes already listed. */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<CaseEvidence> add(@PathVariable String id,
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "description", required = false) String description) {
    CaseEvidenceFiles.Recorded recorded = evidence.add(id, EvidenceService.Upload.of(file, description), currentUser.get());
    CaseEvidence e = recorded.evidence();
    audit.record(AuditAction.EVIDENCE_ADDED, id, "evidence " + e.type() + " " + e.sha256()); // audit
    URI location = URI.create("/api/v1/cases/" + id + "/evidence/" + e.sha256());
    return recorded.added()
        ? ResponseEntity.created(location).body(e)
        : ResponseEntity.status(HttpStatus.OK).location(location).body(e);
  }

  @GetMapping
  List<CaseEvidence> list(@PathVariable String id) {
    List<CaseEvidence> list = evidence.list(id, currentUser.get());
    audit.record(AuditAction.CASE_READ, id, "evidence"); // audit
    return list;
  }

  @GetMapping("/{sha256}")
  ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String sha256) {
    EvidenceService.Download download = evidence.download(id, sha256, currentUser.get());
    // audit: written before the bytes leave; if it cannot be written, the file is not handed out
    audit.record(AuditAction.DOCUMENT_DOWNLOADED, id, "evidence " + download.evidence().type() + " " + sha256);
    return EvidenceResponses.download(download);
  }
}
