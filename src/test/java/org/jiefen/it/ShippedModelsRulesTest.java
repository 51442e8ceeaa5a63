package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jiefen.deploy.DeployRules;
import org.jiefen.deploy.Finding;
import org.jiefen.deploy.ModelPreparer;
import org.jiefen.deploy.PreparedResource;
import org.jiefen.deploy.ServedJobTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The deploy rules as the running app applies them: the job types its {@code @JobWorker}s serve,
 * its units, forms, processes and clock catalog. Every shipped model and form passes with no
 * error, alone and as the startup deployment ships them, and a job type nobody serves is named.
 */
class ShippedModelsRulesTest extends AppIntegrationTest {

  @Autowired DeployRules rules;
  @Autowired ModelPreparer preparer;
  @Autowired ServedJobTypes served;

  @Test
  void theAppServesTheJobTypesOfItsWorkersAndNoOthers() {
    assertThat(served.types())
        .contains("jiefen.mediation.level", "jiefen.clock", "jiefen.notify.mail", "jiefen.task.creating",
            "jiefen.task.canceling", "jiefen.petition.route", "jiefen.confirmation.record")
        .doesNotContain("jiefen.test.after-record") // opened by a test at runtime, not an annotated worker
        .allSatisfy(type -> assertThat(type).startsWith("jiefen."));
  }

  @Test
  void everyShippedModelAndFormPassesWithNoErrors() throws IOException {
    List<PreparedResource> shipped = load("classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn",
        "classpath*:forms/**/*.form");
    assertThat(shipped).hasSizeGreaterThan(25);
    List<String> errors = new ArrayList<>();
    for (PreparedResource resource : shipped) {
      // as the startup deployment ships them, and each alone: forms and called processes are deployed already
      for (List<PreparedResource> deployment : List.of(shipped, List.of(resource))) {
        rules.check(resource, deployment).stream()
            .filter(Finding::isError)
            .forEach(f -> errors.add(resource.name() + " " + f));
      }
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void aJobTypeNoWorkerServesIsAnErrorNamingTheElement() throws IOException {
    PreparedResource model = load("classpath:rules/JobTypes.bpmn").get(0);
    assertThat(rules.check(model, List.of(model)))
        .filteredOn(f -> f.rule().equals("job-type.unknown"))
        .extracting(Finding::elementId)
        .containsExactly("Task_Unknown", "End_Message", "Task_Listened", "User_Listened");
  }

  private List<PreparedResource> load(String... locations) throws IOException {
    var resolver = new PathMatchingResourcePatternResolver();
    List<Resource> found = new ArrayList<>();
    for (String location : locations) {
      found.addAll(List.of(resolver.getResources(location)));
    }
    found.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
    List<PreparedResource> prepared = new ArrayList<>();
    for (Resource r : found) {
      try (InputStream in = r.getInputStream()) {
        prepared.add(preparer.prepare(r.getFilename(), in.readAllBytes()));
      }
    }
    return prepared;
  }
}
