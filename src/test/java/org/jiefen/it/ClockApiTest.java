package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ServiceTaskBuilder;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.jiefen.audit.AuditLog;
import org.jiefen.cases.CaseClock;
import org.jiefen.cases.CaseClocks;
import org.jiefen.cases.ExtensionRefusedException;
import org.jiefen.clocks.ClockLength;
import org.jiefen.clocks.UnknownClockException;
import org.jiefen.deploy.ModelDeployment;
import org.jiefen.deploy.ModelPreparer;
import org.jiefen.engine.local.LocalEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Statutory clocks against the real app: the clock worker driven by a model of the test's own
 * (start from a variable, extend, an extension beyond the maximum refused as a BPMN error, warning
 * and due timers on the answered instants), the clock service's idempotence and due states as
 * {@code GET /api/v1/cases/{id}} shows them while the app clock moves, and the calendar API.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClockApiTest extends AppIntegrationTest {

  static final String HAIWANG = "440306001001";
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired TestRestTemplate rest;
  @Autowired CamundaClient camunda;
  @Autowired ModelDeployment deployment;
  @Autowired CaseClocks clocks;
  @Autowired LocalEngine engine;
  @Autowired Clock clock;
  ApiDriver api;

  @BeforeAll
  void deployTheProbe() {
    BpmnModelInstance model = Bpmn.createExecutableProcess("ClockProbe")
        .startEvent()
        .serviceTask("Task_Start", t -> clock(t, "start").zeebeTaskHeader("var", "decision").zeebeTaskHeader("from", "acceptedOn"))
        .serviceTask("Task_Extend", t -> clock(t, "extend").zeebeTaskHeader("var", "decision").zeebeTaskHeader("by", "10d"))
        .serviceTask("Task_ExtendAgain", t -> clock(t, "extend").zeebeTaskHeader("var", "decision"))
        .endEvent("End_Unexpected")
        .moveToActivity("Task_ExtendAgain")
        .boundaryEvent("Error_Refused", b -> b.error("CLOCK_EXTENSION_REFUSED"))
        .intermediateCatchEvent("Timer_Warn").timerWithDateExpression("date and time(decisionWarn)")
        .serviceTask("Task_Warn", t -> clock(t, "warn"))
        .intermediateCatchEvent("Timer_Due").timerWithDateExpression("date and time(decisionDue)")
        .serviceTask("Task_Overdue", t -> clock(t, "overdue"))
        .serviceTask("Task_Stop", t -> clock(t, "stop").zeebeTaskHeader("outcome", "EXPIRED"))
        .endEvent("End_Expired")
        .done();
    byte[] bytes = Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8);
    deployment.deploy(List.of(new ModelPreparer().prepare("test/ClockProbe.bpmn", bytes)), AuditLog.SYSTEM);
  }

  private static ServiceTaskBuilder clock(ServiceTaskBuilder task, String action) {
    return task.zeebeJobType("jiefen.clock").zeebeJobRetries("3")
        .zeebeTaskHeader("action", action).zeebeTaskHeader("clock", "court-decision");
  }

  @BeforeEach
  void driver() {
    api = new ApiDriver(rest);
  }

  @Test
  void theClockWorkerRunsACourtDecisionClockThroughAProcess() {
    String caseId = register();
    LocalDate acceptedOn = LocalDate.now(clock.withZone(SHANGHAI));
    long instance = camunda.newCreateInstanceCommand().bpmnProcessId("ClockProbe").latestVersion()
        .variables(Map.of("caseId", caseId, "acceptedOn", acceptedOn.toString())).send().join().getProcessInstanceKey();

    // started from the variable, extended once by 10 days; the second extension (another 10) refused
    JsonNode decision = awaitClock(caseId, "court-decision", c -> c.get("extensions").size() == 1);
    assertThat(decision.get("label").asText()).isEqualTo("司法确认审查期限");
    assertThat(decision.get("basis").asText()).contains("第五条");
    assertThat(decision.get("length").asText()).isEqualTo("15d");
    assertThat(decision.get("state").asText()).isEqualTo("RUNNING");
    assertThat(decision.get("dueState").asText()).isEqualTo("GREEN");
    assertThat(Instant.parse(decision.get("start").asText())).isEqualTo(acceptedOn.atStartOfDay(SHANGHAI).toInstant());
    LocalDate lastDay = LocalDate.parse(decision.get("lastDay").asText());
    assertThat(lastDay).isBetween(acceptedOn.plusDays(25), acceptedOn.plusDays(35)); // 15 + 10 days, rolled over a day off
    Instant due = Instant.parse(decision.get("due").asText());
    assertThat(due).isEqualTo(lastDay.plusDays(1).atStartOfDay(SHANGHAI).toInstant());
    assertThat(decision.get("extensions").get(0).get("length").asText()).isEqualTo("10d");

    // the worker answered the instants the timers wait for
    await().atMost(Duration.ofSeconds(20)).until(() -> variable(instance, "decisionDue") != null);
    assertThat(variable(instance, "decisionDue")).isEqualTo("\"" + due + "\"");
    assertThat(variable(instance, "decisionWarn")).isEqualTo("\"" + decision.get("warnAt").asText() + "\"");
    // timeline events are written without waiting for a refresh: they become visible shortly
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(types(caseId)).containsSubsequence("CLOCK_STARTED", "CLOCK_EXTENDED").doesNotContain("CLOCK_OVERDUE");
      assertThat(types(caseId)).filteredOn("CLOCK_EXTENDED"::equals).hasSize(1);
      assertThat(summaries(caseId)).anySatisfy(s -> assertThat(s).startsWith("司法确认审查期限开始计算：15日"));
    });

    advanceTo(Instant.parse(decision.get("warnAt").asText()).plus(Duration.ofHours(1)));
    await().atMost(Duration.ofSeconds(20)).until(() -> types(caseId).contains("CLOCK_WARNING"));
    assertThat(clockOf(caseId, "court-decision").get("dueState").asText()).isEqualTo("YELLOW");

    advanceTo(due.plus(Duration.ofHours(1)));
    JsonNode expired = awaitClock(caseId, "court-decision", c -> c.get("state").asText().equals("EXPIRED"));
    assertThat(expired.get("dueState").asText()).isEqualTo("NONE");
    assertThat(expired.hasNonNull("ended")).isTrue();
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(types(caseId))
        .containsSubsequence("CLOCK_STARTED", "CLOCK_EXTENDED", "CLOCK_WARNING", "CLOCK_OVERDUE", "CLOCK_STOPPED"));
  }

  @Test
  void clocksOnTheServicePathAreIdempotentAndShowTheirDueState() throws Exception {
    String caseId = register();
    Instant now = clock.instant();

    // two workers start clocks of the same case at once: both land
    CompletableFuture<CaseClock> acceptance =
        CompletableFuture.supplyAsync(() -> clocks.start(caseId, "court-acceptance", now, "job-1"));
    CompletableFuture<CaseClock> handling =
        CompletableFuture.supplyAsync(() -> clocks.start(caseId, "petition-handling", now, "job-2"));
    CaseClock started = acceptance.get();
    handling.get();
    assertThat(clocks.start(caseId, "court-acceptance", now.plusSeconds(5), "job-1")).as("a retried start").isEqualTo(started);
    assertThat(clocks.start(caseId, "court-acceptance", now, null)).as("running from the same start").isEqualTo(started);

    // extensions: none for court acceptance, at most 30 days in all for handling, a retry applied once
    assertThatThrownBy(() -> clocks.extend(caseId, "court-acceptance", ClockLength.days(1), "r", "院长", "job-3"))
        .isInstanceOf(ExtensionRefusedException.class).hasMessageContaining("cannot be extended");
    CaseClock extended = clocks.extend(caseId, "petition-handling", ClockLength.days(30), "情况复杂", "张主任", "job-4");
    assertThat(clocks.extend(caseId, "petition-handling", ClockLength.days(30), "情况复杂", "张主任", "job-4"))
        .isEqualTo(extended);
    assertThatThrownBy(() -> clocks.extend(caseId, "petition-handling", ClockLength.days(1), "再延", "张主任", "job-5"))
        .isInstanceOf(ExtensionRefusedException.class).hasMessageContaining("at most 30d in all");
    assertThat(clocks.find(caseId, "petition-handling").orElseThrow().extensions()).hasSize(1);
    assertThatThrownBy(() -> clocks.start(caseId, "no-such-clock", now, "job-6"))
        .isInstanceOf(UnknownClockException.class).hasMessageContaining("court-decision");

    // a pause keeps the colour and pushes the due date by the days paused
    clocks.pause(caseId, "petition-handling", "听证");
    assertThat(clocks.pause(caseId, "petition-handling", "听证").pauses()).hasSize(1);
    JsonNode paused = clockOf(caseId, "petition-handling");
    assertThat(paused.get("state").asText()).isEqualTo("PAUSED");
    assertThat(paused.get("dueState").asText()).isEqualTo("GREEN");
    api.advanceClock("P2D");
    CaseClock resumed = clocks.resume(caseId, "petition-handling");
    assertThat(resumed.due()).isEqualTo(extended.due().plus(Duration.ofDays(2)));
    assertThat(clocks.resume(caseId, "petition-handling")).isEqualTo(resumed);

    // three days (rolled over to a working day) pass: court acceptance is red, then met
    advanceTo(started.due().plusSeconds(60));
    assertThat(clockOf(caseId, "court-acceptance").get("dueState").asText()).isEqualTo("RED");
    CaseClock met = clocks.stop(caseId, "court-acceptance", "MET");
    assertThat(clocks.stop(caseId, "court-acceptance", "EXPIRED")).isEqualTo(met);
    JsonNode ended = clockOf(caseId, "court-acceptance");
    assertThat(ended.get("state").asText()).isEqualTo("MET");
    assertThat(ended.get("dueState").asText()).isEqualTo("NONE");
    assertThatThrownBy(() -> clocks.pause(caseId, "court-acceptance", "x")).isInstanceOf(IllegalArgumentException.class);

    // an ended clock can run again (a second submission): a new run, the old one's events stay
    CaseClock again = clocks.start(caseId, "court-acceptance", clock.instant(), "job-7");
    assertThat(again.state()).isEqualTo("RUNNING");
    assertThat(again.key()).isNotEqualTo(met.key());
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      List<String> types = types(caseId);
      assertThat(types).filteredOn("CLOCK_STARTED"::equals).hasSize(3);
      assertThat(types).contains("CLOCK_EXTENDED", "CLOCK_PAUSED", "CLOCK_RESUMED", "CLOCK_STOPPED");
    });
    assertThat(summaries(caseId)).anySatisfy(s -> assertThat(s).contains("信访事项办理期限延长30日（情况复杂），经张主任批准"));
    assertThat(summaries(caseId)).anySatisfy(s -> assertThat(s).contains("信访事项办理期限暂停计算：听证"));
  }

  @Test
  void administratorsLoadAYearAndTheArithmeticFollows() {
    ResponseEntity<JsonNode> overview = api.get("admin", "/api/v1/calendar");
    assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode body = overview.getBody();
    assertThat(body.get("zone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(years(body)).contains(2024, 2025, 2026);
    JsonNode y2026 = StreamSupport.stream(body.get("years").spliterator(), false)
        .filter(y -> y.get("year").asInt() == 2026).findFirst().orElseThrow();
    assertThat(y2026.get("source").asText()).isEqualTo("seed");
    assertThat(y2026.get("notice").asText()).isEqualTo("国办发明电〔2025〕7号");
    int thisYear = LocalDate.parse(body.get("today").asText()).getYear();
    assertThat(StreamSupport.stream(body.get("missing").spliterator(), false).map(JsonNode::asInt).toList())
        .contains(thisYear + 1);
    assertThat(body.get("warning").asText()).contains((thisYear + 1) + "年");

    assertThat(api.get("intake", "/api/v1/calendar").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(put("qu-leader", 2030, "2030-10-01,holiday,国庆节").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    JsonNode year = api.get("admin", "/api/v1/calendar/2026").getBody();
    assertThat(year.get("days")).anySatisfy(d -> {
      assertThat(d.get("date").asText()).isEqualTo("2026-10-10");
      assertThat(d.get("kind").asText()).isEqualTo("workday");
    });
    assertThat(csv("/api/v1/calendar/2026")).startsWith("date,kind,name\n2026-01-01,holiday,元旦\n");
    assertThat(api.get("admin", "/api/v1/calendar/2030").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

    // a working-day clock into 2030 before the year is loaded: weekdays only, and it says so
    String caseId = register();
    Instant start = LocalDate.of(2030, 9, 30).atStartOfDay(SHANGHAI).plusHours(10).toInstant();
    CaseClock before = clocks.start(caseId, "petition-objection", start, "before-2030");
    assertThat(lastDay(before)).isEqualTo(LocalDate.of(2030, 10, 7));
    assertThat(before.calendarWarning()).contains("2030年节假日安排尚未载入");
    assertThat(clockOf(caseId, "petition-objection").get("calendarWarning").asText()).contains("2030年");

    // an invalid year is refused naming its lines, and nothing is stored
    ResponseEntity<JsonNode> invalid = put("admin", 2030, """
        date,kind,name
        2030-10-01,holiday,国庆节
        2030-10-08,workday,国庆节
        2030-13-01,holiday,国庆节
        """);
    assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(invalid.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(invalid.getBody().get("field").asText()).isEqualTo("line 3.kind");
    assertThat(StreamSupport.stream(invalid.getBody().get("errors").spliterator(), false).map(e -> e.get("field").asText()))
        .containsExactly("line 3.kind", "line 4.date");
    assertThat(api.get("admin", "/api/v1/calendar/2030").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(put("admin", 2030, "x".repeat(70_000)).getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);

    // a (made-up) 2030 National Day: 10-01..07 off, Sunday 09-29 and Saturday 10-12 worked
    StringBuilder csv = new StringBuilder("date,kind,name\n2030-09-29,workday,国庆节\n");
    for (int day = 1; day <= 7; day++) {
      csv.append("2030-10-0").append(day).append(",holiday,国庆节\n");
    }
    csv.append("2030-10-12,workday,国庆节\n");
    ResponseEntity<JsonNode> loaded = put("admin", 2030, csv.toString());
    assertThat(loaded.getStatusCode()).as(String.valueOf(loaded.getBody())).isEqualTo(HttpStatus.OK);
    assertThat(loaded.getBody().get("source").asText()).isEqualTo("upload");
    assertThat(loaded.getBody().get("updatedBy").asText()).isEqualTo("admin");
    assertThat(years(api.get("admin", "/api/v1/calendar").getBody())).contains(2030);

    // the running clock keeps its dates; run again, it counts on the loaded year
    assertThat(clocks.start(caseId, "petition-objection", start, "after-2030")).isEqualTo(before);
    clocks.stop(caseId, "petition-objection", "STOPPED");
    CaseClock after = clocks.start(caseId, "petition-objection", start, "after-2030");
    assertThat(lastDay(after)).isEqualTo(LocalDate.of(2030, 10, 12)); // Tue 8 .. Fri 11, and the worked Saturday
    assertThat(after.calendarWarning()).isNull();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
            api.get("admin", "/api/v1/audit?action=CALENDAR_SAVED").getBody())
        .anySatisfy(e -> assertThat(e.get("target").asText()).isEqualTo("2030")));
  }

  private String register() {
    return api.register("intake",
        AppTestSupport.wageDispute(HAIWANG, AppTestSupport.uniqueIdNumber(), AppTestSupport.uniquePhone()));
  }

  private ResponseEntity<JsonNode> put(String user, int year, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return rest.withBasicAuth(user, "demo").exchange("/api/v1/calendar/" + year + "?notice=测试用通知",
        HttpMethod.PUT, new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), JsonNode.class);
  }

  private String csv(String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.parseMediaType("text/csv")));
    ResponseEntity<byte[]> got = rest.withBasicAuth("admin", "demo")
        .exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    assertThat(got.getStatusCode()).isEqualTo(HttpStatus.OK);
    return new String(got.getBody(), StandardCharsets.UTF_8);
  }

  private static List<Integer> years(JsonNode overview) {
    return StreamSupport.stream(overview.get("years").spliterator(), false).map(y -> y.get("year").asInt()).toList();
  }

  private static LocalDate lastDay(CaseClock c) {
    return c.due().minusNanos(1).atZone(SHANGHAI).toLocalDate();
  }

  private JsonNode clockOf(String caseId, String clockId) {
    return StreamSupport.stream(api.caseFile(caseId).get("clocks").spliterator(), false)
        .filter(c -> c.get("id").asText().equals(clockId)).findFirst().orElse(null);
  }

  private JsonNode awaitClock(String caseId, String clockId, Predicate<JsonNode> condition) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> clockOf(caseId, clockId), c -> c != null && condition.test(c));
  }

  private List<String> types(String caseId) {
    return StreamSupport.stream(api.caseFile(caseId).get("timeline").spliterator(), false)
        .map(e -> e.get("type").asText()).toList();
  }

  private List<String> summaries(String caseId) {
    return StreamSupport.stream(api.caseFile(caseId).get("timeline").spliterator(), false)
        .map(e -> e.get("summary").asText()).toList();
  }

  /** Moves the app and engine clocks to just past {@code target}. */
  private void advanceTo(Instant target) {
    long seconds = Duration.between(clock.instant(), target).getSeconds() + 1;
    if (seconds > 0) {
      api.advanceClock("PT" + seconds + "S");
    }
  }

  /** The latest value of a process variable of the instance, as JSON, or null. */
  private String variable(long instance, String name) {
    return StreamSupport.stream(engine.engine().getRecordStreamSource().getRecords().spliterator(), false)
        .filter(r -> r.getValue() instanceof VariableRecordValue v && v.getProcessInstanceKey() == instance
            && v.getName().equals(name))
        .map(r -> ((VariableRecordValue) r.getValue()).getValue())
        .reduce((a, b) -> b)
        .orElse(null);
  }
}
