package org.jiefen.documents;

import java.util.List;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.cases.CaseDocument;
import org.jiefen.users.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.jiefen.web.PdfAttachment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cases/{id}/documents")
class DocumentController {

  private final DocumentService documents;
  private final CurrentUser currentUser;
  private final AuditLog audit;

  DocumentController(DocumentService documents, CurrentUser currentUser, AuditLog audit) {
    this.documents = documents;
    this.currentUser = currentUser;
    this.audit = audit;
  }

  @GetMapping
  List<CaseDocument> list(@PathVariable String id) {
    List<CaseDocument> list = documents.list(id, currentUser.get());
    audit.record(AuditAction.CASE_READ, id, "documents"); // audit
    return list;
  }

  /** The PDF as an attachment named e.g. 人民调解协议书-MD-20261122-7K3QX-TJXY.pdf (RFC 5987 for the Chinese name). */
  @GetMapping("/{sha256}")
  ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String sha256) {
    DocumentService.Download download = documents.download(id, sha256, currentUser.get());
    // audit: written before the bytes leave; if it cannot be written, the document is not handed out
    audit.record(AuditAction.DOCUMENT_DOWNLOADED, id, download.document().type() + " " + sha256);
    CaseDocument d = download.document();
    return PdfAttachment.of(download.pdf(), d.number() + ".pdf", d.title() + "-" + d.number() + ".pdf");
  }
}
