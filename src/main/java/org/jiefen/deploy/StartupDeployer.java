package org.jiefen.deploy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Process;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jiefen.audit.AuditAction;
import org.jiefen.audit.AuditLog;
import org.jiefen.audit.AuditOutcome;
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
 * Deploys the shipped models and forms at start. Every resource first passes the
 * {@link ModelPreparer} (size, type by content, XXE-safe parsing, task listeners added); a refused
 * one is logged with its reason and left out, and the app starts with the rest.
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

  private final CamundaClient camunda;
  private final ModelPreparer preparer;
  private final ProcessCatalog catalog;
  private final Clock clock;
  private final AuditLog audit;
  private final List<String> locations;
  private final List<Refusal> refusals = new ArrayList<>();
  private volatile boolean stopped;
  private volatile Thread retryThread;

  /** A resource that was not deployed, and why. */
  public record Refusal(String resource, String reason) {}

  StartupDeployer(
      CamundaClient camunda,
      ModelPreparer preparer,
      ProcessCatalog catalog,
      Clock clock,
      AuditLog audit,
      @Value("${jiefen.deploy.locations:classpath*:processes/**/*.bpmn,classpath*:processes/**/*.dmn,classpath*:forms/**/*.form}")
          List<String> locations) {
    this.camunda = camunda;
    this.preparer = preparer;
    this.catalog = catalog;
    this.clock = clock;
    this.audit = audit;
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

  private static boolean isRejection(RuntimeException e) {
    Throwable t = e;
    while (t != null) {
      if (t instanceof io.camunda.client.api.command.ClientStatusException status) {
        return status.getStatusCode() == io.grpc.Status.Code.INVALID_ARGUMENT
            || status.getStatusCode() == io.grpc.Status.Code.FAILED_PRECONDITION;
      }
      if (t instanceof io.camunda.client.api.command.ProblemException problem) {
        return problem.code() == 400;
      }
      t = t.getCause();
    }
    return false;
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
    DeploymentEvent event;
    try {
      event = send(new ArrayList<>(resources.values()));
    } catch (RuntimeException all) {
      if (!isRejection(all)) {
        throw new EngineUnavailable(all);
      }
      // One resource the engine refuses fails the whole deployment: find it by deploying one by one.
      LOG.warn("deployment of all models failed ({}); deploying them one by one", all.getMessage());
      for (var resource : resources.values()) {
        try {
          recordProcesses(send(List.of(resource)), resources);
        } catch (RuntimeException e) {
          if (!isRejection(e)) {
            throw new EngineUnavailable(e);
          }
          LOG.error("model {} refused by the engine: {}", resource.name(), e.getMessage());
          refusals.add(new Refusal(resource.name(), e.getMessage()));
        }
      }
      return;
    }
    recordProcesses(event, resources);
  }

  private DeploymentEvent send(List<PreparedResource> resources) {
    DeployResourceCommandStep1 command = camunda.newDeployResourceCommand();
    DeployResourceCommandStep1.DeployResourceCommandStep2 step = null;
    for (var r : resources) {
      step = step == null ? command.addResourceBytes(r.bytes(), r.name()) : step.addResourceBytes(r.bytes(), r.name());
    }
    var answer = step.requestTimeout(Duration.ofSeconds(30)).send();
    try {
      return answer.get(); // not join(): a retry stopped by destroy() must not wait out the timeout
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new EngineUnavailable(e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : new CompletionException(e.getCause());
    }
  }

  private void recordProcesses(DeploymentEvent event, Map<String, PreparedResource> resources) {
    for (Process process : event.getProcesses()) {
      var resource = resources.get(process.getResourceName());
      if (resource == null || catalog.find(process.getProcessDefinitionKey()).isPresent()) {
        continue; // unchanged model: the engine kept its version, and we know it already
      }
      catalog.record(
          new ProcessCatalog.ProcessVersion(
              "process-" + process.getProcessDefinitionKey(),
              process.getProcessDefinitionKey(),
              process.getBpmnProcessId(),
              process.getVersion(),
              process.getResourceName(),
              resource.sha256hex(),
              clock.instant(),
              "system",
              ProcessCatalog.userTasks(resource.bytes())));
      audit.recordAs(AuditLog.SYSTEM, null, AuditAction.MODEL_DEPLOYED, AuditOutcome.SUCCESS, null, // audit
          process.getBpmnProcessId() + ":" + process.getVersion(),
          "sha256 " + resource.sha256hex() + " resource " + process.getResourceName());
      LOG.info(
          "process {} version {} deployed (key {}, sha256 {})",
          process.getBpmnProcessId(),
          process.getVersion(),
          process.getProcessDefinitionKey(),
          resource.sha256hex().substring(0, 12));
    }
  }
}
