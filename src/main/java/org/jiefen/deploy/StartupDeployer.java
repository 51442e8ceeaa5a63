package org.jiefen.deploy;

import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiefen.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the shipped models and forms at start, through {@link ModelDeployment} like every other
 * deployment. Every resource first passes the {@link ModelPreparer} (size, type by content, XXE-safe
 * parsing, task listeners added, forms checked); a refused one is logged with its reason and left
 * out, and the app starts with the rest.
 *
 * <p>All accepted resources are sent on every start: the engine keeps the version of a resource
 * whose content did not change, so only changed models get a new version, and an engine whose log
 * was reset gets its models back even when our own records say they were deployed.
 */
@Component
@Order(20)
public class StartupDeployer implements ApplicationRunner, DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(StartupDeployer.class);
  private static final Duration STOP_LIMIT = Duration.ofSeconds(5);

  private final ModelDeployment deployment;
  private final ModelPreparer preparer;
  private final List<String> locations;
  private final List<Refusal> refusals = new ArrayList<>();
  private volatile boolean stopped;
  private volatile Thread retryThread;

  /** A resource that was not deployed, and why. */
  public record Refusal(String resource, String reason) {}

  StartupDeployer(
      ModelDeployment deployment,
      ModelPreparer preparer,
      @Value("${jiefen.deploy.locations:classpath*:processes/**/*.bpmn,classpath*:processes/**/*.dmn,classpath*:forms/**/*.form}")
          List<String> locations) {
    this.deployment = deployment;
    this.preparer = preparer;
    this.locations = locations;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    Map<String, PreparedResource> resources = load();
    try {
      deploy(resources);
    } catch (EngineUnavailable e) {
      // A cluster that is down at start must not stop the app: keep trying in the background.
      LOG.warn("engine not reachable, models will be deployed when it is: {}", e.getMessage());
      synchronized (this) {
        if (!stopped) {
          retryThread = Thread.ofVirtual().name("deploy-retry").start(() -> retry(resources));
        }
      }
    }
  }

  private void retry(Map<String, PreparedResource> resources) {
    for (long delay = 2; !stopped; delay = Math.min(delay * 2, 60)) {
      try {
        Thread.sleep(Duration.ofSeconds(delay));
        deploy(resources);
        return;
      } catch (EngineUnavailable e) {
        if (stopped) {
          return; // the failure is the client closing under us
        }
        LOG.warn("engine still not reachable: {}", e.getMessage());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Ends the retries when the context closes. This bean is destroyed before the client it uses, so
   * no attempt runs against a closed client, and nothing keeps retrying after the app has stopped.
   */
  @Override
  public void destroy() throws InterruptedException {
    Thread retrying;
    synchronized (this) {
      stopped = true;
      retrying = retryThread;
    }
    if (retrying != null) {
      retrying.interrupt();
      if (!retrying.join(STOP_LIMIT)) {
        LOG.warn("model deployment retry still running after {}; leaving it", STOP_LIMIT);
      }
    }
  }

  /** Whether accepted models are still waiting for the engine to answer. */
  public boolean retrying() {
    Thread retrying = retryThread;
    return retrying != null && retrying.isAlive();
  }

  /** The engine did not answer: nothing is wrong with the models. */
  private static final class EngineUnavailable extends RuntimeException {
    EngineUnavailable(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }



  public List<Refusal> refusals() {
    return List.copyOf(refusals);
  }

  private Map<String, PreparedResource> load() throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    Map<String, PreparedResource> prepared = new LinkedHashMap<>();
    List<Resource> found = new ArrayList<>();
    for (String location : locations) {
      found.addAll(List.of(resolver.getResources(location.strip())));
    }
    found.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
    for (Resource resource : found) {
      String name = resource.getFilename();
      try (InputStream in = resource.getInputStream()) {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, preparer.maxBytes() + 1));
        prepared.put(name, preparer.prepare(name, bytes));
      } catch (ModelRefusedException e) {
        LOG.error("model {} refused and not deployed: {}", name, e.getMessage());
        refusals.add(new Refusal(name, e.getMessage()));
      }
    }
    return prepared;
  }

  private void deploy(Map<String, PreparedResource> resources) {
    if (resources.isEmpty()) {
      LOG.warn("no models to deploy");
      return;
    }
    try {
      send(new ArrayList<>(resources.values()));
    } catch (RuntimeException all) {
      if (!ModelDeployment.isRejection(all)) {
        throw new EngineUnavailable(all);
      }
      // One resource the engine refuses fails the whole deployment: find it by deploying one by one.
      LOG.warn("deployment of all models failed ({}); deploying them one by one", all.getMessage());
      for (var resource : resources.values()) {
        try {
          send(List.of(resource));
        } catch (RuntimeException e) {
          if (!ModelDeployment.isRejection(e)) {
            throw new EngineUnavailable(e);
          }
          LOG.error("model {} refused by the engine: {}", resource.name(), e.getMessage());
          refusals.add(new Refusal(resource.name(), e.getMessage()));
        }
      }
    }
  }

  private DeploymentEvent send(List<PreparedResource> resources) {
    return deployment.deploy(resources, AuditLog.SYSTEM);
  }
}
