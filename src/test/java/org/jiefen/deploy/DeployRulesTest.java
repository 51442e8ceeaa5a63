package org.jiefen.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jiefen.deploy.Finding.Severity;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link DeployRules} on a small model under {@code src/test/resources/rules/}, with
 * fixed sets standing for the served job types, deployed forms and processes, units and clocks.
 * The shipped models against the app's real workers: {@code org.jiefen.it.ShippedModelsRulesTest}.
 */
class DeployRulesTest {

  static final Set<String> SERVED = Set.of(
      "jiefen.notify.mail", "jiefen.case.close", "jiefen.clock",
      "jiefen.task.creating", "jiefen.task.assigning", "jiefen.task.completing", "jiefen.task.canceling");
  static final Set<String> CLOCK_VARIABLES = Set.of("levelDue", "levelWarn", "followUpDelay");

  private final ModelPreparer preparer = new ModelPreparer();
  private final DeployRules rules = new DeployRules(new Fixed(), CLOCK_VARIABLES);

  /** The served job types, deployed forms ("known-form"), processes ("DeployedProcess"), units and clocks. */
  static class Fixed implements DeployRules.Known {
    @Override
    public boolean jobType(String type) {
      return SERVED.contains(type);
    }

    @Override
    public boolean form(String formId) {
      return formId.equals("known-form");
    }

    @Override
    public boolean process(String processId) {
      return processId.equals("DeployedProcess");
    }

    @Override
    public boolean unit(String code) {
      return Set.of("440306000000", "440306001000", "440306001001").contains(code);
    }

    @Override
    public String sampleUnit() {
      return "440306000000";
    }

    @Override
    public boolean clock(String clockId) {
      return clockId.equals("court-decision");
    }
  }

  @Test
  void everyJobTypeMustBeServedIncludingListenersAndEventsAndExpressionsAreWarnings() {
    List<Finding> found = check("JobTypes.bpmn");
    assertThat(only(found, "job-type.unknown"))
        .extracting(Finding::elementId, Finding::severity, Finding::args)
        .containsExactly(
            tuple("Task_Unknown", Severity.ERROR, List.of("jiefen.nobody")),
            tuple("End_Message", Severity.ERROR, List.of("jiefen.end.nobody")),
            tuple("Task_Listened", Severity.ERROR, List.of("jiefen.listener.nobody")),
            tuple("User_Listened", Severity.ERROR, List.of("custom.validation")));
    assertThat(only(found, "job-type.expression"))
        .extracting(Finding::elementId, Finding::severity, Finding::args)
        .containsExactly(tuple("Task_Expression", Severity.WARNING, List.of("=workerType")));
    assertThat(found).allSatisfy(f -> assertThat(f.message()).isNotBlank());
    assertThat(only(found, "job-type.unknown").get(0).message()).contains("jiefen.nobody");
  }

  @Test
  void aUserTaskFormMustBeDeployedOrComeWithTheModel() {
    List<Finding> found = check("Forms.bpmn", "rules-new-form.form");
    assertThat(only(found, "form.unknown"))
        .extracting(Finding::elementId, Finding::severity, Finding::args)
        .containsExactly(
            tuple("User_Unknown", Severity.ERROR, List.of("nowhere-form")),
            tuple("User_DeployedElsewhere", Severity.ERROR, List.of("known-form")));
    assertThat(only(found, "form.missing"))
        .extracting(Finding::elementId, Finding::severity)
        .containsExactly(tuple("User_NoForm", Severity.WARNING));
    assertThat(only(found, "form.external"))
        .extracting(Finding::elementId, Finding::severity, Finding::args)
        .containsExactly(tuple("User_External", Severity.WARNING, List.of("https://forms.example.org/consent")));
  }

  @Test
  void aFormOfTheSameDeploymentIsUnknownWhenDeployedWithoutIt() {
    assertThat(only(check("Forms.bpmn"), "form.unknown"))
        .extracting(Finding::elementId)
        .containsExactly("User_SameDeployment", "User_Unknown", "User_DeployedElsewhere");
  }

  @Test
  void candidateGroupsMustResolveToKnownRolesAtExistingUnits() {
    List<Finding> found = check("CandidateGroups.bpmn");
    assertThat(only(found, "candidate-groups.missing"))
        .extracting(Finding::elementId, Finding::severity)
        .containsExactly(tuple("User_Nobody", Severity.ERROR), tuple("User_AssigneeOnly", Severity.WARNING));
    assertThat(only(found, "candidate-groups.unresolved"))
        .extracting(Finding::elementId, Finding::severity)
        .containsExactly(tuple("User_NotAList", Severity.ERROR), tuple("User_Numbers", Severity.ERROR));
    assertThat(only(found, "candidate-groups.role"))
        .extracting(Finding::elementId, Finding::severity, Finding::args)
        .containsExactly(tuple("User_UnknownRole", Severity.ERROR, List.of("clerk", "clerk:440306000000")));
    assertThat(only(found, "candidate-groups.unit"))
        .extracting(Finding::elementId, Finding::severity, Finding::args)
        .containsExactly(
            tuple("User_UnknownUnit", Severity.ERROR, List.of("440306009999", "mediator:440306009999")),
            tuple("User_UnknownUnitInExpression", Severity.ERROR, List.of("440306008888", "petition:440306008888")));
    assertThat(found).extracting(Finding::elementId)
        .doesNotContain("User_Expression", "User_Conditional", "User_Static");
  }

  @Test
  void timersMustReadAClockVariableAndShortFixedWaitsAreWarnings() {
    List<Finding> found = check("Timers.bpmn");
    assertThat(only(found, "timer.clock"))
        .extracting(Finding::elementId, Finding::severity, Finding::args)
        .containsExactly(
            tuple("Timer_FixedDuration", Severity.ERROR, List.of("P15D")),
            tuple("Timer_FixedDate", Severity.ERROR, List.of("2026-01-01T00:00:00Z")),
            tuple("Timer_FeelLiteral", Severity.ERROR, List.of("=duration(\"P15D\")")),
            tuple("Timer_NameInText", Severity.ERROR, List.of("=date and time(\"levelDue\")")),
            tuple("Catch_FixedDay", Severity.ERROR, List.of("P1D")),
            tuple("Start_SubFixed", Severity.ERROR, List.of("P2D")));
    assertThat(only(found, "timer.short"))
        .extracting(Finding::elementId, Finding::severity, Finding::args)
        .containsExactly(
            tuple("Timer_Short", Severity.WARNING, List.of("PT5M")),
            tuple("Timer_ShortCycle", Severity.WARNING, List.of("R3/PT10M")));
    assertThat(only(found, "timer.start"))
        .extracting(Finding::elementId, Finding::severity)
        .containsExactly(tuple("Start_Daily", Severity.WARNING));
    assertThat(only(found, "timer.clock").get(0).message()).contains("P15D", "levelDue");
    // levelDue is configured, hearingWarn comes from the model's own clock task, followUpDelay is configured
    assertThat(found).extracting(Finding::elementId).doesNotContain("Timer_LevelDue", "Timer_OwnClock", "Catch_FollowUp");
  }

  @Test
  void clockTasksMustNameAClockOfTheCatalog() {
    assertThat(only(check("Timers.bpmn"), "clock.unknown"))
        .extracting(Finding::elementId, Finding::severity, Finding::args)
        .containsExactly(
            tuple("Task_UnknownClock", Severity.ERROR, List.of("court-lunch")),
            tuple("Task_NoClock", Severity.ERROR, List.of("")));
  }

  @Test
  void aCalledProcessShouldBeDeployedOrComeWithTheModel() {
    List<Finding> found = check("CallActivities.bpmn", "JobTypes.bpmn");
    assertThat(only(found, "called-element.unknown"))
        .extracting(Finding::elementId, Finding::severity, Finding::args)
        .containsExactly(tuple("Call_Unknown", Severity.WARNING, List.of("NowhereProcess")));
    assertThat(found).extracting(Finding::rule).containsOnly("called-element.unknown");
  }

  @Test
  void levelDeadlinesMustBeDurationsOfDaysAndHours() {
    assertThat(only(check("LevelDeadlines.bpmn"), "level-deadline.invalid"))
        .extracting(Finding::elementId, Finding::severity, Finding::args)
        .containsExactly(
            tuple("Start_Registered", Severity.ERROR, List.of("townDeadline", "=\"P1M\"")),
            tuple("Start_Registered", Severity.ERROR, List.of("countyDeadline", "=\"P0D\"")));
  }

  @Test
  void formFieldKeysMustBeVariableNames() {
    List<Finding> found = check("bad-keys.form");
    assertThat(found)
        .extracting(Finding::elementId, Finding::rule, Finding::severity, Finding::args)
        .containsExactly(
            tuple("Field_Space", "form.key", Severity.ERROR, List.of("first name")),
            tuple("Group_Address", "form.key", Severity.ERROR, List.of("home-address")),
            tuple("Field_Digit", "form.key", Severity.ERROR, List.of("1st")));
  }

  @Test
  void decisionTablesHaveNoRulesBeyondThePreparers() {
    PreparedResource dmn = preparer.prepare("MediationTriage.dmn", shipped("processes/mediation/MediationTriage.dmn"));
    assertThat(rules.check(dmn, List.of(dmn))).isEmpty();
  }

  @Test
  void theShippedModelsPassWithTheJobTypesTheirWorkersServe() throws IOException {
    List<PreparedResource> all = new ArrayList<>();
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> files = Files.walk(Path.of(folder))) {
        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
          all.add(preparer.prepare(file.getFileName().toString(), Files.readAllBytes(file)));
        }
      }
    }
    Set<String> served = workerTypes();
    DeployRules real = new DeployRules(new Fixed() {
      @Override
      public boolean jobType(String type) {
        return served.contains(type);
      }

      @Override
      public boolean form(String formId) {
        return false; // all come with the deployment
      }

      @Override
      public boolean clock(String clockId) {
        return true; // the catalog is configuration; the Spring test checks it
      }
    }, List.of(
        "levelDue", "levelWarn", "followUpDelay")); // the other clock variables come from the models' clock tasks
    List<String> errors = new ArrayList<>();
    for (PreparedResource r : all) {
      real.check(r, all).stream().filter(Finding::isError).forEach(f -> errors.add(r.name() + " " + f));
    }
    assertThat(all).hasSizeGreaterThan(25);
    assertThat(errors).isEmpty();
  }

  /** The types in {@code @JobWorker(type = ...)} of the workers' sources: what the app serves. */
  private static Set<String> workerTypes() throws IOException {
    Set<String> types = new java.util.TreeSet<>();
    var pattern = java.util.regex.Pattern.compile("type = \"([^\"]+)\"");
    try (Stream<Path> files = Files.walk(Path.of("workers/src/main/java"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        var m = pattern.matcher(source);
        while (m.find()) {
          types.add(m.group(1));
        }
        if (source.contains("type = TYPE")) {
          types.add("jiefen.clock");
        }
      }
    }
    return types;
  }

  private List<Finding> check(String file, String... others) {
    List<PreparedResource> deployment = new ArrayList<>();
    PreparedResource resource = preparer.prepare(file, fixture(file));
    deployment.add(resource);
    for (String other : others) {
      deployment.add(preparer.prepare(other, fixture(other)));
    }
    return rules.check(resource, deployment);
  }

  private static List<Finding> only(Collection<Finding> findings, String rule) {
    return findings.stream().filter(f -> f.rule().equals(rule)).toList();
  }

  private static byte[] fixture(String file) {
    try (InputStream in = DeployRulesTest.class.getResourceAsStream("/rules/" + file)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] shipped(String path) {
    try {
      return Files.readAllBytes(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
