package org.jiefen.workers.document;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.jiefen.cases.CaseDocument;
import org.jiefen.documents.DocumentService;
import org.jiefen.documents.DocumentType;
import org.jiefen.workers.JobFailures;
import org.springframework.stereotype.Component;

/**
 * {@code jiefen.document.generate}: generates a document of the case, stores it and lists it in the
 * case file. Headers: {@code document}, the type id ({@code mediation-agreement},
 * {@code confirmation-application}, {@code mediation-termination}, {@code petition-acceptance},
 * {@code petition-non-acceptance}, {@code petition-opinion}, {@code case-file-cover}); optional
 * {@code record}, the BPMN element id of a user task whose latest record the template reads as
 * {@code record} (how the petition process passes its acceptance or opinion). Variable:
 * {@code caseId}. Result: {@code documentSha}, the SHA-256 of the PDF.
 *
 * <p>An unknown type, a missing record or a case that cannot have the document (no agreement yet)
 * is an incident; storage or Elasticsearch failures are retried with backoff. A retried or
 * repeated job produces the same bytes and lists nothing twice.
 */
@Component
public class DocumentWorker {

  private final DocumentService documents;

  DocumentWorker(DocumentService documents) {
    this.documents = documents;
  }

  @JobWorker(type = "jiefen.document.generate", fetchVariables = {"caseId"})
  public Map<String, Object> generate(ActivatedJob job) {
    String caseId = JobFailures.caseId(job);
    String typeId = job.getCustomHeaders().get("document");
    DocumentType type = DocumentType.byId(typeId == null ? "" : typeId)
        .orElseThrow(() -> JobFailures.incident("the task " + job.getElementId() + " names no known document in its"
            + " 'document' header: " + typeId));
    String record = job.getCustomHeaders().get("record");
    return JobFailures.guard(job, () -> {
      CaseDocument document = documents.generate(caseId, type, record, "system");
      return Map.of("documentSha", document.sha256());
    });
  }
}
