package org.jiefen.deploy;

import io.camunda.client.annotation.customizer.JobWorkerValueCustomizer;
import io.camunda.client.annotation.value.JobWorkerValue;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * The job types this app's {@code @JobWorker}s serve, plus {@code jiefen.deploy.extra-job-types}
 * (workers that run elsewhere, such as connectors in production), for {@link DeployRules}.
 *
 * <p>The Camunda client hands every annotated worker to each {@link JobWorkerValueCustomizer}
 * before it opens the worker. This one changes nothing: it keeps the worker's value and reads its
 * type when asked, because customizers run in an order this bean does not control and a later one
 * ({@code camunda.client.worker.override.*}) may still change the type or disable the worker.
 * Workers opened at runtime without the annotation (some integration tests do) are not included,
 * which is right: they serve nothing an administrator's model may rely on.
 */
@Component
public class ServedJobTypes implements JobWorkerValueCustomizer {

  private final Set<JobWorkerValue> workers = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
  private final List<String> extra;

  ServedJobTypes(DeploySettings settings) {
    this.extra = settings.extraJobTypes();
  }

  @Override
  public void customize(JobWorkerValue worker) {
    workers.add(worker);
  }

  /** The job types served now, sorted. */
  public Set<String> types() {
    Set<String> types = new TreeSet<>(extra);
    synchronized (workers) {
      for (JobWorkerValue worker : workers) {
        String type = worker.getType();
        if (type != null && !type.isBlank() && !Boolean.FALSE.equals(worker.getEnabled())) {
          types.add(type);
        }
      }
    }
    return Collections.unmodifiableSet(types);
  }

  public boolean serves(String jobType) {
    return types().contains(jobType);
  }
}
