package org.jiefen.forms;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jiefen.search.Documents;
import org.jiefen.search.Indices;
import org.springframework.stereotype.Service;

/**
 * The current schema of every deployed form, by form id: what task completion checks submissions
 * against. Every deployment registers the forms it deployed here (through {@code
 * org.jiefen.deploy.ModelDeployment}); the engine links a user task to the latest version of its
 * form id, and so does this registry.
 *
 * <p>Kept in Elasticsearch so every instance of the app sees every deployment. The engine's form
 * version is the document's external version: when two instances deploy at once, the newer version
 * wins whichever write arrives last, and an unchanged redeploy (same version) changes nothing.
 * An engine whose state was reset while the index was kept starts counting versions again: delete
 * the {@code forms} index then, and the next start registers the shipped forms afresh.
 */
@Service
public class FormRegistry {

  /** A deployed form: the engine's identity of it and its schema (form-js JSON). */
  public record DeployedForm(
      String formId,
      int version,
      long formKey,
      String resourceName,
      String hash,
      Instant deployedAt,
      String deployedBy,
      String schema) {}

  private final ElasticsearchClient es;
  private final Indices indices;
  // Parsed schemas by content hash: parsing is cheap, but a completion should not redo it each time.
  private final Map<String, FormSchema> parsed = new ConcurrentHashMap<>();

  FormRegistry(ElasticsearchClient es, Indices indices) {
    this.es = es;
    this.indices = indices;
  }

  /**
   * Registers a form the engine has just deployed. Idempotent: a version already registered, or
   * older than the registered one, changes nothing.
   *
   * @return whether this version became the current one
   * @throws FormSchema.InvalidFormException if the schema cannot be used to check submissions
   *     (deployments pass the same check earlier, in the model preparer)
   */
  public boolean register(DeployedForm form) {
    FormSchema schema = FormSchema.parse(form.schema().getBytes(StandardCharsets.UTF_8));
    if (!schema.id().equals(form.formId())) {
      throw new IllegalArgumentException("form " + form.formId() + " has the id " + schema.id() + " in its schema");
    }
    boolean applied =
        org.jiefen.search.Documents.unlessConflict(
            () ->
                es.index(
                    i ->
                        i.index(indices.forms())
                            .id(form.formId())
                            .document(form)
                            .versionType(VersionType.External)
                            .version((long) form.version())));
    if (!applied) {
      return false; // this version or a newer one is registered already
    }
    parsed.put(form.hash(), schema);
    return true;
  }

  /** The current version of a form (a real-time read, so a deployment that just returned is seen). */
  public Optional<DeployedForm> find(String formId) {
    return Documents.find(es, indices.forms(), formId, DeployedForm.class);
  }

  /** The current schema of a form, parsed. */
  public Optional<FormSchema> schema(String formId) {
    return find(formId)
        .map(f -> parsed.computeIfAbsent(f.hash(), h -> FormSchema.parse(f.schema().getBytes(StandardCharsets.UTF_8))));
  }
}
