package org.jiefen.deploy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jiefen.search.Documents;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Service;

/**
 * Every deployed version of every model, for the workbench: processes as the {@link ProcessCatalog}
 * records them, and decision tables and forms recorded here at deployment (the engine has no query
 * for them in local mode, and the form registry keeps only the current form). One index,
 * {@code deployments}: process versions are {@code process-<key>}, the others {@code dmn-<key>} and
 * {@code form-<key>}.
 */
@Service
public class ModelHistory {

  private static final int MAX_VERSIONS = 10_000;

  /** One deployed version, without its content. */
  public record Version(
      ModelKind kind, String modelId, int version, long key, String resourceName, String hash, Instant deployedAt,
      String deployedBy) {}

  /** What this class stores for a decision table or form version. */
  record Stored(
      String id, ModelKind kind, String modelId, int version, long key, String resourceName, String hash,
      Instant deployedAt, String deployedBy, String content) {}

  /** Reads both shapes of the index: a process version has processId, the others kind and modelId. */
  record Row(
      String id, ModelKind kind, String modelId, String processId, Integer version, Long key, Long processDefinitionKey,
      String resourceName, String hash, Instant deployedAt, String deployedBy) {

    Version toVersion() {
      boolean process = processId != null;
      return new Version(
          process ? ModelKind.BPMN : kind,
          process ? processId : modelId,
          version == null ? 0 : version,
          process ? processDefinitionKey : key,
          resourceName,
          hash,
          deployedAt,
          deployedBy);
    }
  }

  private final ElasticsearchClient es;
  private final Indices indices;
  private final ProcessCatalog processes;

  ModelHistory(ElasticsearchClient es, Indices indices, ProcessCatalog processes) {
    this.es = es;
    this.indices = indices;
    this.processes = processes;
  }

  /**
   * Records a decision table or form version the engine reported; the same key again changes nothing.
   *
   * @return whether this version was new to the history
   */
  boolean record(ModelKind kind, String modelId, int version, long key, PreparedResource resource, Instant at, String by) {
    String id = kind.name().toLowerCase() + "-" + key;
    Stored stored =
        new Stored(id, kind, modelId, version, key, resource.name(), resource.sha256hex(), at, by,
            new String(resource.bytes(), java.nio.charset.StandardCharsets.UTF_8));
    return Documents.unlessConflict(() -> es.create(c -> c.index(indices.deployments()).id(id).document(stored)
        .refresh(co.elastic.clients.elasticsearch._types.Refresh.WaitFor)));
  }

  /** Every version of every model, newest first within a model. */
  public List<Version> all() {
    var response =
        Documents.unchecked(
            () ->
                es.search(
                    s -> s.index(indices.deployments())
                        .size(MAX_VERSIONS)
                        .source(src -> src.filter(f -> f.excludes("xml", "content", "userTasks"))),
                    Row.class));
    return Documents.sources(response).stream()
        .map(Row::toVersion)
        .filter(v -> v.kind() != null && v.modelId() != null)
        .sorted(Comparator.comparing((Version v) -> v.kind()).thenComparing(Version::modelId)
            .thenComparing(Comparator.comparingInt(Version::version).reversed()))
        .toList();
  }

  /** The versions of one model, newest first. */
  public List<Version> versions(ModelKind kind, String modelId) {
    return all().stream().filter(v -> v.kind() == kind && v.modelId().equals(modelId)).toList();
  }

  /** The deployed content (BPMN as deployed, with our listeners; DMN; form JSON) of one version. */
  public Optional<String> content(Version version) {
    if (version.kind() == ModelKind.BPMN) {
      return processes.xml(version.key());
    }
    String id = version.kind().name().toLowerCase() + "-" + version.key();
    return Documents.find(es, indices.deployments(), id, Stored.class).map(Stored::content);
  }
}
