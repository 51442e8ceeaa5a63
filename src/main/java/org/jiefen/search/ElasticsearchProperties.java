package org.jiefen.search;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Elasticsearch is and how our indices look. In local mode {@code port}, {@code heap} and {@code home}
 * describe the child node; {@code url} is what the client talks to in both modes.
 */
@ConfigurationProperties("jiefen.elasticsearch")
public record ElasticsearchProperties(
    @DefaultValue("http://127.0.0.1:9250") String url,
    @DefaultValue("9250") int port,
    @DefaultValue("512m") String heap,
    @DefaultValue("jiefen") String indexPrefix,
    @DefaultValue("bigram") ChineseAnalyzer analyzer,
    String username,
    String password,
    Path home,
    @DefaultValue("1") int shards,
    @DefaultValue("0") int replicas,
    @DefaultValue("90s") Duration startTimeout,
    // Local node only: extra JVM options. The defaults trade peak speed for a faster boot on
    // small machines (client compiler only), where the node's JIT warm-up
    // otherwise competes with the app's own start.
    @DefaultValue("-XX:TieredStopAtLevel=1") String javaOpts) {

  /** Must match elasticsearch.dist.version in pom.xml: the unpack step names the directory after it. */
  static final String DISTRIBUTION = "elasticsearch-8.19.21";

  static final String FAST_BOOT = "-XX:TieredStopAtLevel=1";

  public enum ChineseAnalyzer {
    /** Standard tokenizer + 2-gram shingles: works on the bare distribution, which has no CJK plugins. */
    BIGRAM,
    /** Needs the analysis-smartcn plugin on the cluster. */
    SMARTCN,
    /** Needs the IK plugin (ik_max_word / ik_smart) on the cluster. */
    IK
  }

  /** A local-mode configuration for the node on {@code port}, as tests and tools need it. */
  public static ElasticsearchProperties local(int port, String indexPrefix) {
    return new ElasticsearchProperties("http://127.0.0.1:" + port, port, "512m", indexPrefix,
        ChineseAnalyzer.BIGRAM, null, null, null, 1, 0, Duration.ofSeconds(90), FAST_BOOT);
  }

  /** The full name of one of our indices, e.g. {@code jiefen-cases}. */
  public String index(SearchIndex index) {
    return indexPrefix + "-" + index.suffix();
  }

  /**
   * The unpacked distribution. Resolved only when a local node is started, so prod never needs it.
   * Order: property / system property, then next to the running jar or classes directory, then ./target.
   */
  public Path distribution() {
    Path explicit = home != null ? home
        : System.getProperty("jiefen.elasticsearch.home") != null
            ? Path.of(System.getProperty("jiefen.elasticsearch.home")) : null;
    if (explicit != null) {
      if (Files.isExecutable(explicit.resolve("bin/elasticsearch"))) {
        return explicit.toAbsolutePath().normalize();
      }
      throw new IllegalStateException("jiefen.elasticsearch.home=" + explicit
          + " has no bin/elasticsearch. Run ./mvnw package (it unpacks " + DISTRIBUTION
          + " into target/) or point jiefen.elasticsearch.home at an unpacked Elasticsearch 8.19 distribution.");
    }
    for (Path candidate : new Path[] {besideCodeSource(), Path.of("target", DISTRIBUTION)}) {
      if (candidate != null && Files.isExecutable(candidate.resolve("bin/elasticsearch"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("No Elasticsearch distribution found for local mode (looked for " + DISTRIBUTION
        + " next to the jar and under ./target). Run ./mvnw package, or set jiefen.elasticsearch.home"
        + " (or -Djiefen.elasticsearch.home) to an unpacked Elasticsearch 8.19 distribution,"
        + " or use --spring.profiles.active=prod with jiefen.elasticsearch.url.");
  }

  private static Path besideCodeSource() {
    try {
      var source = ElasticsearchProperties.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      // target/classes -> target/, app.jar -> its directory; a nested boot jar URL fails to convert and is skipped
      Path location = Path.of(source.getLocation().toURI());
      return location.getParent() == null ? null : location.getParent().resolve(DISTRIBUTION);
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "ElasticsearchProperties[url=" + url + ", port=" + port + ", indexPrefix=" + indexPrefix
        + ", analyzer=" + analyzer + ", username=" + username + ", password=" + (password == null ? null : "****")
        + ", home=" + home + ", shards=" + shards + ", replicas=" + replicas + "]";
  }
}
