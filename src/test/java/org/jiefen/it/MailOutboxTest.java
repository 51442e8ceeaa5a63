package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jiefen.engine.local.LocalEngine;
import org.jiefen.mail.LocalMailServer;
import org.jiefen.mail.MailStatus;
import org.jiefen.mail.Outbox;
import org.jiefen.mail.OutboxProperties;
import org.jiefen.mail.OutboxRecord;
import org.jiefen.search.Indices;
import org.jiefen.workers.notification.MailNotificationWorker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Mail through the outbox on the whole app: the {@code jiefen.notify.mail} job only queues, the
 * dispatcher delivers, and neither a redelivered job nor an SMTP outage makes a mail go twice or
 * get lost. The test processes are tiny models with one mail task, deployed straight to the engine.
 *
 * <p>The app is shared with the other API tests, and each case registered here also runs the real
 * Mediation process, which mails the parties at once. So the tests count only the outbox records their
 * own mail tasks queued (the event key names the task's element instance), and check exactly-once for
 * everything about a case together: every record of the case sent, one mail per record, no other mail.
 * Waits and clock moves are relative to the app clock and to the outbox settings, never to a date.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailOutboxTest extends AppIntegrationTest {

  /** 盐田社区: only this test registers cases and adds users here. */
  static final String YANTIAN = "440306002002";

  static final String ENGLISH_SUPERVISOR = "yantian-en-" + AppTestSupport.RUN;

  /** Dates in mail are China's. */
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired TestRestTemplate rest;
  @Autowired ElasticsearchClient es;
  @Autowired Indices indices;
  @Autowired CamundaClient camunda;
  @Autowired LocalEngine engine;
  @Autowired LocalMailServer smtp;
  @Autowired Outbox outbox;
  @Autowired MailNotificationWorker worker;
  @Autowired OutboxProperties mailSettings;

  @Test
  void aJobDeliveredTwiceAndARepeatedEnqueueSendOneMailEach() {
    String party = "twice-" + AppTestSupport.RUN + "@example.com";
    String caseId = register(party, "邻里噪音纠纷");
    LocalDate sessionDay = engine.now().atZone(SHANGHAI).toLocalDate().plusDays(3);
    // a job type no worker serves, so the test holds the real job and can hand it over twice
    deploy(mailProcess("MailTestTwice", "jiefen.test.mail-twice", "session-scheduled", "PARTIES, MEDIATOR"));
    camunda.newCreateInstanceCommand().bpmnProcessId("MailTestTwice").latestVersion()
        .variables(Map.of("caseId", caseId, "unitCode", YANTIAN, "sessionAt", sessionDay.atTime(14, 30).toString(),
            "sessionPlace", "盐田社区调解室"))
        .send().join();
    ActivatedJob job =
        await().atMost(Duration.ofSeconds(10)).until(
            () -> camunda.newActivateJobsCommand().jobType("jiefen.test.mail-twice").maxJobsToActivate(1)
                .timeout(Duration.ofMinutes(1)).send().join().getJobs(),
            jobs -> !jobs.isEmpty()).get(0);

    worker.notify(job);
    worker.notify(job);
    camunda.newCompleteCommand(job).send().join();

    // one record per recipient of the event, each sent at the first attempt
    Map<String, OutboxRecord> scheduled =
        awaitRecords(caseId, Set.of(job.getElementInstanceKey()), 2, r -> r.status() == MailStatus.SENT);
    assertThat(scheduled.values()).extracting(OutboxRecord::to)
        .containsExactlyInAnyOrder(party, "yantian-mediator@jiefen.local");
    assertThat(scheduled.values()).allSatisfy(r -> assertThat(r.attempts()).as(r.to()).isEqualTo(1));
    OutboxRecord toParty = scheduled.values().stream().filter(r -> r.to().equals(party)).findFirst().orElseThrow();
    assertThat(mailsFor(caseId, List.of(toParty))).singleElement().satisfies(m -> {
      assertThat(m.get("subject").asText()).isEqualTo("【解纷】案件 " + caseId + " 调解会谈安排");
      assertThat(m.get("text").asText())
          .contains(sessionDay.format(DateTimeFormatter.ofPattern("yyyy年M月d日")) + " 14:30", "盐田社区调解室");
    });

    Outbox.Mail mail = new Outbox.Mail("test:" + caseId, caseId, "manual", "repeat-" + AppTestSupport.RUN + "@example.com",
        "案件 " + caseId + " 手工邮件", "正文");
    assertThat(outbox.enqueue(mail)).isTrue();
    assertThat(outbox.enqueue(mail)).isFalse();
    // one each, also after the dispatcher has looked for due mail again
    awaitAllSentOnce(caseId);
    OutboxRecord manual = outbox.find(mail.key(), mail.to()).orElseThrow();
    assertThat(manual.status()).isEqualTo(MailStatus.SENT);
    assertThat(manual.attempts()).isEqualTo(1);
    List<OutboxRecord> ours = new ArrayList<>(scheduled.values());
    ours.add(manual);
    assertThat(perRecipient(mailsFor(caseId, ours))).hasSize(3).allSatisfy((to, mails) -> assertThat(mails).as(to).isEqualTo(1L));
    assertThat(outbox.enqueue(mail)).as("sent is still queued once").isFalse();
  }

  @Test
  void nothingIsLostWhileSmtpIsDownAndEveryMailGoesOnceWhenItIsBack() throws Exception {
    englishSupervisor();
    String party = "outage-" + AppTestSupport.RUN + "@example.com";
    String caseId = register(party, "相邻通行纠纷");
    Instant levelDue = engine.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
    deploy(mailProcess("MailTestOutage", "jiefen.notify.mail", "deadline-warning", "PARTIES,SUPERVISOR"));
    int instances = 3;
    // party, yantian-leader, the English supervisor
    int expected = instances * 3;
    Duration initial = mailSettings.initialBackoff();

    smtp.stop();
    Set<Long> tasks;
    try {
      List<Long> started = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        // with result: the process goes on while SMTP is down, its mail job only queued
        started.add(camunda.newCreateInstanceCommand().bpmnProcessId("MailTestOutage").latestVersion()
            .variables(Map.of("caseId", caseId, "unitCode", YANTIAN, "levelDue", levelDue.toString()))
            .withResult().requestTimeout(Duration.ofSeconds(30)).send().join(30, java.util.concurrent.TimeUnit.SECONDS)
            .getProcessInstanceKey());
      }
      tasks = mailTasks(started);

      // Real time goes on while the test waits, and the app clock with it: a record may have been tried
      // more than once by the time it is read. Each step below therefore waits for one more attempt
      // than the last reading showed, not for an attempt number.
      Map<String, OutboxRecord> first = awaitRecords(caseId, tasks, expected, r -> r.attempts() >= 1 && r.status() == MailStatus.PENDING);
      assertThat(first.values()).allSatisfy(r -> {
        assertThat(r.lastError()).isNotBlank();
        assertThat(Duration.between(r.created(), r.nextAttempt())).isGreaterThanOrEqualTo(initial);
      });
      JsonNode health = rest.getForEntity("/actuator/health", JsonNode.class).getBody();
      assertThat(health.get("status").asText()).as("SMTP down does not take the app down").isEqualTo("UP");
      assertThat(health.at("/components/outbox/status").asText()).isEqualTo("UP");
      assertThat(health.at("/components/outbox/details/pending").asLong()).isGreaterThanOrEqualTo(expected);
      assertThat(health.at("/components/outbox/details/oldestPendingAge").asText()).startsWith("PT");

      advance(initial.plusSeconds(1));
      Map<String, OutboxRecord> second =
          awaitRecords(caseId, tasks, expected, r -> r.status() == MailStatus.PENDING && r.attempts() > first.get(r.id()).attempts());
      assertThat(second.values()).allSatisfy(r -> {
        Instant before = first.get(r.id()).nextAttempt();
        // tried no earlier than its next attempt, then waiting at least twice the first wait
        assertThat(Duration.between(before, r.nextAttempt())).as("the wait doubled").isGreaterThanOrEqualTo(initial.multipliedBy(2));
      });

      advance(Duration.ofMinutes(10));
      Map<String, OutboxRecord> third =
          awaitRecords(caseId, tasks, expected, r -> r.attempts() > second.get(r.id()).attempts());
      assertThat(third.values()).allSatisfy(r -> assertThat(r.attempts()).isGreaterThanOrEqualTo(3));
      assertThat(mailsFor(caseId, third.values())).as("nothing got through while SMTP was down").isEmpty();
    } finally {
      smtp.start();
    }
    // whatever a mail's backoff, it is due again within jiefen.mail.max-backoff
    advance(mailSettings.maxBackoff());

    awaitAllSentOnce(caseId);
    Map<String, OutboxRecord> ours = awaitRecords(caseId, tasks, expected, r -> r.status() == MailStatus.SENT);
    assertThat(ours.values()).allSatisfy(r -> assertThat(r.sentAt()).isNotNull());
    assertThat(perRecipient(mailsFor(caseId, ours.values())))
        .containsOnlyKeys(party, "yantian-leader@jiefen.local", ENGLISH_SUPERVISOR + "@jiefen.local")
        .allSatisfy((to, mails) -> assertThat(mails).as(to).isEqualTo(instances));
    List<JsonNode> english =
        mailsFor(caseId, ours.values()).stream().filter(m -> m.get("to").get(0).asText().startsWith(ENGLISH_SUPERVISOR)).toList();
    assertThat(english).hasSize(instances).allSatisfy(m -> {
      assertThat(m.get("subject").asText()).startsWith("[Jiefen] Case " + caseId);
      assertThat(m.get("text").asText())
          .contains(levelDue.atZone(SHANGHAI).toLocalDate().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)));
    });
  }

  @Test
  void mailAndOutboxShowNoIdOrPhoneNumber(CapturedOutput output) throws Exception {
    String id = AppTestSupport.idNumber("44030619770303456");
    String phone = "13987654321";
    String party = "pii-" + AppTestSupport.RUN + "@example.com";
    String caseId = register(party, "王某（身份证" + id + "，电话" + phone + "）欠款纠纷");
    deploy(mailProcess("MailTestAccepted", "jiefen.notify.mail", "case-accepted", "PARTIES,MEDIATOR"));

    long instance = camunda.newCreateInstanceCommand().bpmnProcessId("MailTestAccepted").latestVersion()
        .variables(Map.of("caseId", caseId, "unitCode", YANTIAN)).withResult().send().join().getProcessInstanceKey();

    Map<String, OutboxRecord> ours = awaitRecords(caseId, mailTasks(List.of(instance)), 2, r -> r.status() == MailStatus.SENT);
    awaitAllSentOnce(caseId);
    // every mail about the case: the test's and the one the case's own process sent at registration
    assertThat(mailsAbout(caseId)).hasSizeGreaterThanOrEqualTo(ours.size()).allSatisfy(mail -> {
      String all = mail.get("subject").asText() + mail.get("text").asText();
      assertThat(all).doesNotContain(id).doesNotContain(phone).contains("139****4321")
          .contains(id.substring(0, 6) + "********" + id.substring(14));
    });
    List<OutboxRecord> toParty = ours.values().stream().filter(r -> r.to().equals(party)).toList();
    assertThat(mailsFor(caseId, toParty)).isNotEmpty().allSatisfy(m ->
        assertThat(m.get("text").asText()).contains("查询码：").contains(caseId).contains("盐田社区"));
    String stored =
        es.search(s -> s.index(indices.mailOutbox()).query(q -> q.term(t -> t.field("caseId").value(caseId))), JsonNode.class)
            .hits().hits().toString();
    assertThat(stored).doesNotContain(id).doesNotContain(phone);
    assertThat(output.getAll()).doesNotContain(id).doesNotContain(phone);
  }

  @Test
  void aMailClaimedByAnInstanceThatDiedIsTakenOverWhenItsLeaseEnds() throws Exception {
    String to = "orphan-" + AppTestSupport.RUN + "@example.com";
    String caseId = "MD-ORPHAN-" + AppTestSupport.RUN;
    Instant now = engine.now();
    OutboxRecord orphan =
        new OutboxRecord("orphan-" + AppTestSupport.RUN, "orphan:" + AppTestSupport.RUN, caseId,
            "manual", to, "孤立的邮件 " + caseId, "正文", MailStatus.SENDING, 1,
            now.minusSeconds(300), now.minusSeconds(300), now.minusSeconds(60), null, null);
    es.index(i -> i.index(indices.mailOutbox()).id(orphan.id()).document(orphan));

    Map<String, OutboxRecord> records = awaitAllSentOnce(caseId);
    assertThat(records).containsOnlyKeys(orphan.id());
    assertThat(records.get(orphan.id()).attempts()).as("the takeover is one more attempt").isEqualTo(2);
    assertThat(perRecipient(mailsAbout(caseId))).containsOnlyKeys(to);
  }

  @Test
  void anUnknownTemplateOrRecipientIsAnIncidentAtOnce() {
    String caseId = register("incident-" + AppTestSupport.RUN + "@example.com", "宅基地纠纷");
    deploy(mailProcess("MailTestNoTemplate", "jiefen.notify.mail", "no-such-template", "PARTIES"));
    deploy(mailProcess("MailTestNoRecipient", "jiefen.notify.mail", "terminated", "PARTIES,EVERYONE"));

    long noTemplate = start("MailTestNoTemplate", caseId);
    long noRecipient = start("MailTestNoRecipient", caseId);

    assertThat(awaitIncident(noTemplate)).contains("unknown mail template 'no-such-template'");
    assertThat(awaitIncident(noRecipient)).contains("unknown recipient 'EVERYONE'");
    assertThat(jobFailures(noTemplate)).as("failed once, not retried").isEqualTo(1);
    assertThat(jobFailures(noRecipient)).isEqualTo(1);
    // nothing queued for either task, and nothing about the case went out that the outbox did not queue
    assertThat(records(caseId, mailTasks(List.of(noTemplate, noRecipient)))).isEmpty();
    Map<String, OutboxRecord> all = awaitAllSentOnce(caseId);
    assertThat(all.values()).extracting(OutboxRecord::template).as("only the case's own process mailed").doesNotContain(
        "no-such-template", "terminated");
  }

  @Test
  void usersChooseTheLanguageOfTheirMail() {
    englishSupervisor();
    JsonNode user = rest.withBasicAuth("admin", "demo").getForObject("/api/v1/users/" + ENGLISH_SUPERVISOR, JsonNode.class);
    assertThat(user.get("locale").asText()).isEqualTo("en");

    Map<String, Object> french = new HashMap<>(englishSupervisorBody());
    french.put("locale", "fr");
    ResponseEntity<JsonNode> refused =
        rest.withBasicAuth("admin", "demo").exchange("/api/v1/users/" + ENGLISH_SUPERVISOR,
            org.springframework.http.HttpMethod.PUT, new org.springframework.http.HttpEntity<>(french), JsonNode.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("field").asText()).isEqualTo("locale");
  }

  // ---------------------------------------------------------------------------------------------

  private static BpmnModelInstance mailProcess(String id, String jobType, String template, String recipients) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .serviceTask("Task_Mail", t -> t.zeebeJobType(jobType).zeebeJobRetries("10")
            .zeebeTaskHeader("template", template).zeebeTaskHeader("recipients", recipients))
        .endEvent()
        .done();
  }

  /** Deploying an unchanged model again is a no-op for the engine. */
  private void deploy(BpmnModelInstance model) {
    String id = model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class).iterator().next().getId();
    camunda.newDeployResourceCommand().addProcessModel(model, id + ".bpmn").send().join();
  }

  private long start(String processId, String caseId) {
    return camunda.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion()
        .variables(Map.of("caseId", caseId, "unitCode", YANTIAN)).send().join().getProcessInstanceKey();
  }

  /**
   * Registers a mediation case. Registration starts the real Mediation process, which at once mails
   * the parties that their case was accepted; this returns once that mail has gone out, so that it is
   * not in flight when a test stops SMTP. The tests tell their own mail from it by the mail task that
   * queued it (see {@link #mailTasks}).
   */
  private String register(String partyEmail, String title) {
    Map<String, Object> dispute = new HashMap<>(AppTestSupport.wageDispute(YANTIAN,
        AppTestSupport.idNumber("44030619900101123"), "13612345678"));
    dispute.put("title", title);
    dispute.put("parties", List.of(
        Map.of("name", "赵小红", "role", "applicant", "idNumber", AppTestSupport.idNumber("44030619900101123"),
            "phone", "13612345678", "email", partyEmail),
        Map.of("name", "钱某", "role", "respondent")));
    ResponseEntity<JsonNode> created = rest.withBasicAuth("intake", "demo").postForEntity("/api/v1/cases", dispute, JsonNode.class);
    assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
    String caseId = created.getBody().get("id").asText();
    await().atMost(Duration.ofSeconds(20)).until(() -> records(caseId).values(),
        records -> records.stream().anyMatch(r -> "case-accepted".equals(r.template()) && r.to().equals(partyEmail))
            && records.stream().allMatch(r -> r.status() == MailStatus.SENT));
    return caseId;
  }

  private Map<String, Object> englishSupervisorBody() {
    return Map.of("username", ENGLISH_SUPERVISOR, "displayName", "Supervisor Lin", "unitCode", YANTIAN,
        "roles", List.of("SUPERVISOR"), "email", ENGLISH_SUPERVISOR + "@jiefen.local", "password", "long-enough-1",
        "locale", "en");
  }

  private void englishSupervisor() {
    var admin = rest.withBasicAuth("admin", "demo");
    if (admin.getForEntity("/api/v1/users/" + ENGLISH_SUPERVISOR, JsonNode.class).getStatusCode() == HttpStatus.NOT_FOUND) {
      assertThat(admin.postForEntity("/api/v1/users", englishSupervisorBody(), JsonNode.class).getStatusCode())
          .isEqualTo(HttpStatus.CREATED);
    }
  }

  private void advance(Duration duration) {
    assertThat(rest.postForEntity("/dev/clock", Map.of("advance", duration.toString()), JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  /** Every mail in the dev mailbox about the case (every template puts the case id in the subject). */
  private List<JsonNode> mailsAbout(String caseId) {
    JsonNode all = rest.getForObject("/dev/mail", JsonNode.class);
    return StreamSupport.stream(all.spliterator(), false)
        .filter(m -> m.get("subject").asText().contains(caseId))
        .toList();
  }

  /**
   * The mails about the case that went out for these records: same recipient and subject. (Another
   * record of the case with the same recipient and subject would be counted too; the tests use it for
   * templates the case's own process does not send while they run.)
   */
  private List<JsonNode> mailsFor(String caseId, java.util.Collection<OutboxRecord> records) {
    Set<String> wanted = records.stream().map(r -> r.to() + "|" + r.subject()).collect(Collectors.toSet());
    return mailsAbout(caseId).stream().filter(m -> wanted.contains(to(m) + "|" + m.get("subject").asText())).toList();
  }

  private static String to(JsonNode mail) {
    return mail.get("to").get(0).asText();
  }

  private static Map<String, Long> perRecipient(List<JsonNode> mails) {
    return mails.stream().collect(Collectors.groupingBy(MailOutboxTest::to, Collectors.counting()));
  }

  /**
   * Waits until every outbox record of the case is SENT and the mailbox holds exactly one mail per
   * record (by recipient and subject) and no other mail about the case, and checks that this still
   * holds after longer than a dispatch interval: every (event, recipient) went out exactly once,
   * whether the test or the case's own process queued it. The records, by id.
   */
  private Map<String, OutboxRecord> awaitAllSentOnce(String caseId) {
    Runnable settled = () -> {
      Map<String, OutboxRecord> records = records(caseId);
      assertThat(records.values()).as("records of " + caseId).isNotEmpty()
          .allSatisfy(r -> assertThat(r.status()).as(r.key() + " to " + r.to()).isEqualTo(MailStatus.SENT));
      Map<String, Long> queued = records.values().stream()
          .collect(Collectors.groupingBy(r -> r.to() + " | " + r.subject(), Collectors.counting()));
      Map<String, Long> delivered = mailsAbout(caseId).stream()
          .collect(Collectors.groupingBy(m -> to(m) + " | " + m.get("subject").asText(), Collectors.counting()));
      assertThat(delivered).as("mails about " + caseId + " per recipient and subject").isEqualTo(queued);
    };
    await().atMost(Duration.ofSeconds(20)).untilAsserted(settled::run);
    Duration interval = mailSettings.dispatchInterval().plusMillis(500);
    await().during(interval).atMost(interval.multipliedBy(2)).untilAsserted(settled::run);
    return records(caseId);
  }

  /** Every outbox record of the case, by id. */
  private Map<String, OutboxRecord> records(String caseId) {
    try {
      return es.search(s -> s.index(indices.mailOutbox()).size(100)
              .query(q -> q.term(t -> t.field("caseId").value(caseId))), OutboxRecord.class)
          .hits().hits().stream().map(h -> h.source())
          .collect(Collectors.toMap(OutboxRecord::id, Function.identity()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * The case's outbox records that these mail tasks queued, by id. The worker keys a mail event
   * {@code case:template:elementInstance}, so this leaves out whatever the case's own process sent.
   */
  private Map<String, OutboxRecord> records(String caseId, Set<Long> tasks) {
    Set<String> keys = tasks.stream().map(String::valueOf).collect(Collectors.toSet());
    return records(caseId).entrySet().stream()
        .filter(e -> e.getValue().key().startsWith(caseId + ":")
            && keys.contains(e.getValue().key().substring(e.getValue().key().lastIndexOf(':') + 1)))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** The records of these mail tasks once there are {@code count} and all match, by id. */
  private Map<String, OutboxRecord> awaitRecords(String caseId, Set<Long> tasks, int count,
      java.util.function.Predicate<OutboxRecord> all) {
    return await().atMost(Duration.ofSeconds(20)).until(
        () -> records(caseId, tasks),
        records -> records.size() == count && records.values().stream().allMatch(all));
  }

  /** The element instances of the mail tasks of these test process instances (one each). */
  private Set<Long> mailTasks(List<Long> processInstanceKeys) {
    return await().atMost(Duration.ofSeconds(10)).until(
        () -> records(ValueType.JOB).stream()
            .filter(r -> r.getIntent() == JobIntent.CREATED)
            .map(r -> (JobRecordValue) r.getValue())
            .filter(v -> processInstanceKeys.contains(v.getProcessInstanceKey()))
            .map(JobRecordValue::getElementInstanceKey)
            .collect(Collectors.toSet()),
        tasks -> tasks.size() == processInstanceKeys.size());
  }

  private String awaitIncident(long processInstanceKey) {
    return await().atMost(Duration.ofSeconds(15)).until(
        () -> records(ValueType.INCIDENT).stream()
            .filter(r -> r.getIntent() == IncidentIntent.CREATED)
            .map(r -> (IncidentRecordValue) r.getValue())
            .filter(v -> v.getProcessInstanceKey() == processInstanceKey)
            .map(IncidentRecordValue::getErrorMessage)
            .findFirst().orElse(null),
        message -> message != null);
  }

  private long jobFailures(long processInstanceKey) {
    return records(ValueType.JOB).stream()
        .filter(r -> r.getIntent() == JobIntent.FAILED)
        .filter(r -> ((JobRecordValue) r.getValue()).getProcessInstanceKey() == processInstanceKey)
        .count();
  }

  private List<Record<?>> records(ValueType type) {
    return StreamSupport.stream(engine.engine().getRecordStreamSource().getRecords().spliterator(), false)
        .filter(r -> r.getValueType() == type)
        .<Record<?>>map(r -> r)
        .toList();
  }
}
