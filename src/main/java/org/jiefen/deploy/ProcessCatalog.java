package org.jiefen.deploy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jiefen.search.Documents;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Service;

/**
 * What the task list needs to know about each deployed process version but the engine does not
 * put on a task: the user tasks' names and form ids. Recorded at deployment, per process
 * definition key, so it holds for every version an administrator deploys.
 */
@Service
public class ProcessCatalog {

  /** A user task element of a deployed process. */
  public record UserTaskElement(String elementId, String name, String formId) {}

  /**
   * One deployed process version; {@code xml} is the BPMN as deployed (after the deploy step added its
   * listeners), kept for the case page's diagram: the embedded engine answers no XML requests, and
   * in prod this store answers without a round trip to the cluster. Versions recorded before it
   * was kept have none until they are deployed again (the startup deployer does so for the shipped models).
   */
  public record ProcessVersion(
      String id,
      long processDefinitionKey,
      String processId,
      int version,
      String resourceName,
      String hash,
      Instant deployedAt,
      String deployedBy,
      List<UserTaskElement> userTasks,
      String xml) {}

  private final ElasticsearchClient es;
  private final Indices indices;
  private final Map<Long, ProcessVersion> cache = new ConcurrentHashMap<>();

  ProcessCatalog(ElasticsearchClient es, Indices indices) {
    this.es = es;
    this.indices = indices;
  }

  void record(ProcessVersion version) {
    try {
      // Searchable at once: the workbench lists versions right after a deploy (deployments are rare).
      es.index(i -> i.index(indices.deployments()).id(version.id()).document(version)
          .refresh(co.elastic.clients.elasticsearch._types.Refresh.WaitFor));
      cache.put(version.processDefinitionKey(), version);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<UserTaskElement> userTask(long processDefinitionKey, String elementId) {
    return find(processDefinitionKey)
        .flatMap(v -> v.userTasks().stream().filter(t -> t.elementId().equals(elementId)).findFirst());
  }

  /** The BPMN XML of a deployed process version, if recorded. */
  public Optional<String> xml(long processDefinitionKey) {
    return find(processDefinitionKey).map(ProcessVersion::xml);
  }

  /** Whether any version of a process with this BPMN process id was deployed through the app. */
  public boolean hasProcess(String processId) {
    if (cache.values().stream().anyMatch(v -> v.processId().equals(processId))) {
      return true;
    }
    return Documents.unchecked(
            () -> es.count(c -> c.index(indices.deployments()).query(q -> q.term(t -> t.field("processId").value(processId)))))
        .count() > 0;
  }

  Optional<ProcessVersion> find(long processDefinitionKey) {
    ProcessVersion cached = cache.get(processDefinitionKey);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<ProcessVersion> stored =
        Documents.find(es, indices.deployments(), "process-" + processDefinitionKey, ProcessVersion.class);
    stored.ifPresent(v -> cache.put(processDefinitionKey, v));
    return stored;
  }

  static List<UserTaskElement> userTasks(byte[] bpmn) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
    return model.getModelElementsByType(UserTask.class).stream()
        .map(
            t -> {
              ZeebeFormDefinition form = t.getSingleExtensionElement(ZeebeFormDefinition.class);
              return new UserTaskElement(t.getId(), t.getName(), form == null ? null : form.getFormId());
            })
        .toList();
  }
}
