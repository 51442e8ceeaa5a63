package org.jiefen.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The Elasticsearch node of local mode: a child process from the unpacked distribution, or a node that
 * already answers on the port (then it is reused and never stopped by us). {@link #start()} is idempotent
 * and is called by the client bean, so nothing can talk to the node before it is ready.
 */
public class LocalElasticsearch implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LocalElasticsearch.class);

  private final ElasticsearchProperties properties;
  private final Path dir;
  /** The node we own: launched by us, or orphaned by an earlier run of ours. Taken by whoever stops it first. */
  private final AtomicReference<ProcessHandle> owned = new AtomicReference<>();
  /** Spring stops us in order; the JVM hook then only covers a context that never closes. */
  private final boolean springManaged;
  private Thread shutdownHook;
  private boolean running;

  /** The app's node, begun by {@link EarlyElasticsearchStart} and registered as a bean. */
  static LocalElasticsearch forApp(ElasticsearchProperties properties, Path dataDir) {
    return new LocalElasticsearch(properties, dataDir.resolve("elasticsearch"), true);
  }

  /** @param dir holds the node's data, logs, config and pid file */
  public LocalElasticsearch(ElasticsearchProperties properties, Path dir) {
    this(properties, dir, false);
  }

  private LocalElasticsearch(ElasticsearchProperties properties, Path dir, boolean springManaged) {
    this.properties = properties;
    this.dir = dir.toAbsolutePath().normalize();
    this.springManaged = springManaged;
  }

  public String url() {
    return "http://127.0.0.1:" + properties.port();
  }

  /** True if this instance owns the node (and so will stop it). */
  public synchronized boolean startedByUs() {
    return owned.get() != null;
  }

  private CompletableFuture<Void> starting;

  /**
   * Begins starting (or finding) the node on a background thread, so the app can go on starting
   * while Elasticsearch boots; {@link #start()} waits for it.
   */
  public synchronized CompletableFuture<Void> startAsync() {
    if (starting == null) {
      starting = new CompletableFuture<>();
      Thread.ofPlatform().daemon().name("elasticsearch-start").start(() -> {
        try {
          startNow();
          starting.complete(null);
        } catch (Throwable t) {
          starting.completeExceptionally(t);
        }
      });
    }
    return starting;
  }

  @Override
  public void start() {
    try {
      startAsync().join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private synchronized void startNow() {
    if (running) {
      return;
    }
    NodeProbe probe = new NodeProbe(properties.port());
    adoptOrEndStaleNode(probe);
    if (owned.get() != null) {
      registerShutdownHook();
      awaitHealthy(probe, null, null);
      running = true;
      return;
    }
    switch (probe.probe()) {
      case ELASTICSEARCH_READY, ELASTICSEARCH_NOT_READY -> {
        log.info("Reusing the Elasticsearch node already at {}; it will not be stopped by us", url());
        awaitHealthy(probe, null, null);
      }
      case SOMETHING_ELSE -> throw new IllegalStateException("Port " + properties.port()
          + " is in use by something that is not Elasticsearch; set jiefen.elasticsearch.port and .url to a free port");
      case NOTHING -> launch(probe);
    }
    running = true;
  }

  private void launch(NodeProbe probe) {
    NodeLayout layout = NodeLayout.prepare(properties.distribution(), dir);
    List<String> command = layout.command(command(layout));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(layout.work.toFile())
        .redirectErrorStream(true)
        .redirectOutput(Redirect.appendTo(layout.console().toFile()));
    var env = builder.environment();
    env.put("ES_JAVA_HOME", System.getProperty("java.home"));
    env.put("ES_PATH_CONF", layout.work.resolve("config").toString());
    env.put("ES_TMPDIR", layout.work.resolve("tmp").toString());
    env.put("ES_JAVA_OPTS", "-Xms" + properties.heap() + " -Xmx" + properties.heap()
        + (properties.javaOpts() == null ? "" : " " + properties.javaOpts()));
    env.remove("JAVA_TOOL_OPTIONS");
    long t0 = System.nanoTime();
    log.info("Starting Elasticsearch {} on {} (data {}, log {}){}", layout.home.getFileName(), url(),
        layout.work.resolve("data"), layout.console(), layout.asNobody ? " as user nobody" : "");
    Process child;
    try {
      child = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    }
    owned.set(child.toHandle());
    writePid(layout.pidFile(), child.pid());
    registerShutdownHook();
    awaitHealthy(probe, child, layout.console());
    log.info("Elasticsearch ready at {} after {} ms", url(), Duration.ofNanos(System.nanoTime() - t0).toMillis());
  }

  private List<String> command(NodeLayout layout) {
    List<String> cmd = new ArrayList<>();
    cmd.add(layout.home.resolve("bin/elasticsearch").toString());
    for (String setting : new String[] {
        "cluster.name=jiefen-local",
        "node.name=jiefen-local",
        "discovery.type=single-node",
        "http.host=127.0.0.1",
        "http.port=" + properties.port(),
        "transport.host=127.0.0.1",
        // a range, so a busy port+100 does not stop the node; nothing connects to transport anyway
        "transport.port=" + (properties.port() + 100) + "-" + (properties.port() + 199),
        "path.data=" + layout.work.resolve("data"),
        "path.logs=" + layout.work.resolve("logs"),
        "xpack.security.enabled=false",
        "xpack.ml.enabled=false",
        // developer disks are often >90 % full; the watermarks would turn indices read-only
        "cluster.routing.allocation.disk.threshold_enabled=false",
        "bootstrap.memory_lock=false"}) {
      cmd.add("-E" + setting);
    }
    return cmd;
  }

  private void awaitHealthy(NodeProbe probe, Process child, Path console) {
    long deadline = System.nanoTime() + properties.startTimeout().toNanos();
    while (probe.probe() != NodeProbe.State.ELASTICSEARCH_READY) {
      if (child != null && !child.isAlive()) {
        destroy();
        throw new IllegalStateException("Elasticsearch exited with code " + child.exitValue()
            + " before it was ready. Last lines of " + console + ":\n" + tail(console));
      }
      if (System.nanoTime() > deadline) {
        destroy();
        throw new IllegalStateException("Elasticsearch at " + url() + " was not healthy (yellow or green) within "
            + properties.startTimeout().toSeconds() + " s." + (console == null ? ""
                : " Last lines of " + console + ":\n" + tail(console)));
      }
      sleep(250);
    }
  }

  /**
   * A node left behind by an earlier run of ours that was killed: if it serves, take it over so it is stopped
   * with this run; if it does not, end it, since it holds the data directory's lock.
   */
  private void adoptOrEndStaleNode(NodeProbe probe) {
    Path pidFile = dir.resolve("elasticsearch.pid");
    Optional<ProcessHandle> stale = readPid(pidFile).flatMap(ProcessHandle::of)
        .filter(h -> h.info().commandLine().orElse("").contains("elasticsearch"));
    if (stale.isPresent()) {
      if (probe.probe() == NodeProbe.State.ELASTICSEARCH_READY) {
        log.info("Adopting the Elasticsearch node (pid {}) left by an earlier run; it stops with this one",
            stale.get().pid());
        owned.set(stale.get());
        return;
      }
      log.warn("Ending stale Elasticsearch process {} from an earlier run", stale.get().pid());
      terminate(stale.get());
    }
    if (stale.isEmpty() || !stale.get().isAlive()) {
      try {
        Files.deleteIfExists(pidFile);
      } catch (IOException e) {
        log.debug("cannot delete {}", pidFile, e);
      }
    }
  }

  @Override
  public synchronized void stop() {
    if (shutdownHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook runs anyway
      }
      shutdownHook = null;
    }
    destroy();
    running = false;
    starting = null;
  }

  private void registerShutdownHook() {
    shutdownHook = new Thread(this::onJvmExit, "stop-local-elasticsearch");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Spring's own hook closes the context concurrently; let it stop us after the beans that still write. */
  private void onJvmExit() {
    long deadline = System.nanoTime() + Duration.ofSeconds(springManaged ? 20 : 0).toNanos();
    while (owned.get() != null && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        break;
      }
    }
    destroy();
  }

  private void destroy() {
    ProcessHandle node = owned.getAndSet(null);
    if (node == null) {
      return;
    }
    log.info("Stopping Elasticsearch at {}", url());
    terminate(node);
    try {
      Files.deleteIfExists(dir.resolve("elasticsearch.pid"));
    } catch (IOException e) {
      log.debug("cannot delete pid file", e);
    }
  }

  /** SIGTERM to the launcher makes it shut the server down cleanly; whatever survives 30 s is killed. */
  private static void terminate(ProcessHandle launcher) {
    List<ProcessHandle> tree = new ArrayList<>(launcher.descendants().toList());
    tree.add(0, launcher);
    launcher.destroy();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (ProcessHandle p : tree) {
      while (p.isAlive() && System.nanoTime() < deadline) {
        sleep(100);
      }
    }
    for (ProcessHandle p : tree) {
      if (p.isAlive()) {
        log.warn("Elasticsearch process {} did not stop in time; killing it", p.pid());
        p.destroyForcibly();
        p.onExit().join();
      }
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return running;
  }

  /** Early, so it stops after everything that writes to it. */
  @Override
  public int getPhase() {
    return Integer.MIN_VALUE + 1000;
  }

  private static Optional<Long> readPid(Path pidFile) {
    try {
      return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void writePid(Path pidFile, long pid) {
    try {
      Files.writeString(pidFile, pid + "\n");
    } catch (IOException e) {
      log.warn("cannot write {}", pidFile, e);
    }
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Elasticsearch", e);
    }
  }
}
