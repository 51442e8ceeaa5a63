package org.jiefen.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Puts our templates and creates our indices at startup, before any bean that injects this one can write.
 * Idempotent: templates are overwritten, indices created only if missing, and new fields added to the
 * mapping of existing ones (changed fields cannot be, and are reported).
 */
@Component
public class IndexTemplates implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(IndexTemplates.class);

  private final ElasticsearchClient client;
  private final ElasticsearchProperties properties;

  public IndexTemplates(ElasticsearchClient client, ElasticsearchProperties properties) {
    this.client = client;
    this.properties = properties;
  }

  @Override
  public void afterPropertiesSet() throws IOException {
    apply();
  }

  public void apply() throws IOException {
    String analysis = properties.indexPrefix() + "-analysis";
    client.cluster().putComponentTemplate(c -> c.name(analysis)
        .template(t -> t.settings(settings(AnalysisSettings.json(properties.analyzer())))));
    for (SearchIndex index : SearchIndex.values()) {
      String name = properties.index(index);
      client.indices().putIndexTemplate(t -> t.name(name)
          .indexPatterns(name + "*")
          .composedOf(analysis)
          .priority(200L)
          .template(tt -> tt
              .settings(s -> s.numberOfShards(String.valueOf(properties.shards()))
                  .numberOfReplicas(String.valueOf(properties.replicas()))
                  .refreshInterval(r -> r.time(index.refreshInterval())))
              .mappings(mapping(index))));
      if (index == SearchIndex.CASE_SEARCH) {
        createAliased(name, index);
      } else {
        createOrUpdate(name, index);
      }
    }
    log.info("Elasticsearch templates and indices ready for prefix {} (analyzer {})", properties.indexPrefix(),
        properties.analyzer());
  }

  private void createOrUpdate(String name, SearchIndex index) throws IOException {
    if (!client.indices().exists(e -> e.index(name)).value()) {
      try {
        client.indices().create(c -> c.index(name));
        return;
      } catch (ElasticsearchException e) {
        // another instance of the app won the race
        if (!"resource_already_exists_exception".equals(e.error().type())) {
          throw e;
        }
      }
    }
    client.indices().putSettings(p -> p.index(name).settings(s -> s.refreshInterval(r -> r.time(index.refreshInterval()))));
    try {
      client.indices().putMapping(m -> m.index(name).withJson(resource(index)));
    } catch (ElasticsearchException e) {
      log.warn("Mapping of {} differs from {} in a way that needs a reindex: {}", name, index.suffix() + ".json",
          e.getMessage());
    }
  }

  /**
   * An index read and written through an alias {@code name} that points to a concrete index
   * {@code name-<epoch millis>}, so it can be rebuilt beside the old one and swapped atomically
   * (org.jiefen.casesearch.Reindexer). A plain index by that name from an older start is replaced
   * in the same atomic step (its content is derived, and rebuilt by the projector's sweep).
   */
  private void createAliased(String name, SearchIndex index) throws IOException {
    if (client.indices().existsAlias(a -> a.name(name)).value()) {
      try {
        client.indices().putMapping(m -> m.index(name).withJson(resource(index)));
      } catch (ElasticsearchException e) {
        log.warn("Mapping of {} differs from {} in a way that needs a reindex: {}", name, index.suffix() + ".json",
            e.getMessage());
      }
      return;
    }
    String concrete = concreteName(name);
    if (client.indices().exists(e -> e.index(name)).value()) {
      client.indices().create(c -> c.index(concrete));
      client.indices().updateAliases(u -> u
          .actions(a -> a.add(x -> x.index(concrete).alias(name)))
          .actions(a -> a.removeIndex(x -> x.index(name))));
      log.info("Replaced the plain index {} by {} behind an alias of that name", name, concrete);
      return;
    }
    try {
      client.indices().create(c -> c.index(concrete).aliases(name, a -> a));
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
    }
  }

  /** A new concrete index name for the alias {@code alias}: {@code alias-<epoch millis>}. */
  public static String concreteName(String alias) {
    return alias + "-" + System.currentTimeMillis();
  }

  private static TypeMapping mapping(SearchIndex index) {
    return TypeMapping.of(m -> m.withJson(resource(index)));
  }

  private static IndexSettings settings(String json) {
    return IndexSettings.of(s -> s.withJson(new StringReader(json)));
  }

  private static StringReader resource(SearchIndex index) {
    String path = "/elasticsearch/" + index.suffix() + ".json";
    try (InputStream in = IndexTemplates.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IOException("missing mapping resource " + path);
      }
      return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
