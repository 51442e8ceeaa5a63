package org.jiefen.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped models pass the Camunda linter (npm {@code @camunda/linting}, the Modeler's rules, for
 * engine 8.8) with no errors. The build bundles the linter for node into
 * {@code target/frontend-tools/lint-models.mjs}; this test runs it over {@code processes/}.
 */
class ModelLintTest {

  static final Path LINTER = Path.of("target/frontend-tools/lint-models.mjs");

  @Test
  void theShippedModelsHaveNoLinterErrors() throws Exception {
    List<Path> models;
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      models = files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
    assertThat(models).hasSizeGreaterThanOrEqualTo(4);
    JsonNode reports = lint(models);
    List<String> errors = new ArrayList<>();
    for (Path model : models) {
      JsonNode found = reports.get(model.toString());
      assertThat(found).as("a report for " + model).isNotNull();
      found.forEach(r -> {
        if ("error".equals(r.get("category").asText())) {
          errors.add(model + " " + r.get("id").asText() + ": " + r.get("message").asText());
        }
      });
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void aServiceTaskWithoutAJobTypeIsAnErrorNamingTheElement() throws Exception {
    Path broken = Path.of("src/test/resources/lint/ServiceTaskWithoutType.bpmn");
    JsonNode found = lint(List.of(broken)).get(broken.toString());
    assertThat(found).anySatisfy(r -> {
      assertThat(r.get("category").asText()).isEqualTo("error");
      assertThat(r.get("id").asText()).isEqualTo("Task_NoType");
      assertThat(r.get("rule").asText()).isEqualTo("camunda-compat/implementation");
    });
  }

  private static JsonNode lint(List<Path> models) throws IOException, InterruptedException {
    assertThat(LINTER).as("the build bundles the linter (node build.mjs)").exists();
    List<String> command = new ArrayList<>(List.of("node", LINTER.toString()));
    models.forEach(m -> command.add(m.toString()));
    Process node = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(node.exitValue()).as(out).isZero();
    return new ObjectMapper().readTree(out);
  }
}
