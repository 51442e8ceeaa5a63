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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jiefen.engine.local.LocalEngine;
import org.jiefen.mail.LocalMailServer;
import org.jiefen.mail.MailStatus;
import org.jiefen.mail.Outbox;
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
 */
@ExtendWith(OutputCaptureExtension.class)
class MailOutboxTest extends AppIntegrationTest {

  /** 盐田社区: only this test registers cases and adds users here. */
  static final String YANTIAN = "440306002002";

  static final String ENGLISH_SUPERVISOR = "yantian-en-" + AppTestSupport.RUN;

  @Autowired TestRestTemplate rest;
  @Autowired ElasticsearchClient es;
  @Autowired Indices indices;
  @Autowired CamundaClient camunda;
  @Autowired LocalEngine engine;
  @Autowired LocalMailServer smtp;
  @Autowired Outbox outbox;
  @Autowired MailNotificationWorker worker;

  @Test
  void aJobDeliveredTwiceAndARepeatedEnqueueSendOneMailEach() {
    String party = "twice-" + AppTestSupport.RUN + "@example.com";
    String caseId = register(party, "邻里噪音纠纷");
    // a job type no worker serves, so the test holds the real job and can hand it over twice
    deploy(mailProcess("MailTestTwice", "jiefen.test.mail-twice", "session-scheduled", "PARTIES, MEDIATOR"));
    camunda.newCreateInstanceCommand().bpmnProcessId("MailTestTwice").latestVersion()
        .variables(Map.of("caseId", caseId, "unitCode", YANTIAN, "sessionAt", "2026-11-25T14:30", "sessionPlace", "盐田社区调解室"))
        .send().join();
    ActivatedJob job =
        await().atMost(Duration.ofSeconds(10)).until(
            () -> camunda.newActivateJobsCommand().jobType("jiefen.test.mail-twice").maxJobsToActivate(1)
                .timeout(Duration.ofMinutes(1)).send().join().getJobs(),
            jobs -> !jobs.isEmpty()).get(0);

    worker.notify(job);
    worker.notify(job);
    camunda.newCompleteCommand(job).send().join();

    assertThat(awaitMails(caseId, 2)).containsOnlyKeys(party, "yantian-mediator@jiefen.local");
    JsonNode toParty = mailsAbout(caseId).stream().filter(m -> m.get("to").get(0).asText().equals(party)).findFirst().get();
    assertThat(toParty.get("subject").asText()).isEqualTo("【解纷】案件 " + caseId + " 调解会谈安排");
    assertThat(toParty.get("text").asText()).contains("2026年11月25日 14:30", "盐田社区调解室");

    Outbox.Mail mail = new Outbox.Mail("test:" + caseId, caseId, "manual", "repeat-" + AppTestSupport.RUN + "@example.com",
        "案件 " + caseId + " 手工邮件", "正文");
    assertThat(outbox.enqueue(mail)).isTrue();
    assertThat(outbox.enqueue(mail)).isFalse();
    // one each, also after the dispatcher has looked for due mail again
    assertThat(awaitMailsExactly(caseId, 3)).hasSize(3).allSatisfy((to, mails) -> assertThat(mails).as(to).isEqualTo(1L));
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
      OutboxRecord record = outbox.find(mail.key(), mail.to()).orElseThrow();
      assertThat(record.status()).isEqualTo(MailStatus.SENT);
      assertThat(record.attempts()).isEqualTo(1);
    });
    assertThat(outbox.enqueue(mail)).as("sent is still queued once").isFalse();
  }

  @Test
  void nothingIsLostWhileSmtpIsDownAndEveryMailGoesOnceWhenItIsBack() throws Exception {
    englishSupervisor();
    String party = "outage-" + AppTestSupport.RUN + "@example.com";
    String caseId = register(party, "相邻通行纠纷");
    deploy(mailProcess("MailTestOutage", "jiefen.notify.mail", "deadline-warning", "PARTIES,SUPERVISOR"));
    int instances = 3;
    // party, yantian-leader, the English supervisor
    int expected = instances * 3;

    smtp.stop();
    try {
      for (int i = 0; i < instances; i++) {
        // with result: the process goes on while SMTP is down, its mail job only queued
        camunda.newCreateInstanceCommand().bpmnProcessId("MailTestOutage").latestVersion()
            .variables(Map.of("caseId", caseId, "unitCode", YANTIAN, "levelDue", "2026-12-22T02:00:00Z"))
            .withResult().requestTimeout(Duration.ofSeconds(30)).send().join(30, java.util.concurrent.TimeUnit.SECONDS);
      }

      Map<String, OutboxRecord> first = awaitRecords(caseId, expected, r -> r.attempts() >= 1 && r.status() == MailStatus.PENDING);
      assertThat(first.values()).allSatisfy(r -> {
        assertThat(r.status()).isEqualTo(MailStatus.PENDING);
        assertThat(r.lastError()).isNotBlank();
        assertThat(Duration.between(r.created(), r.nextAttempt())).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
      });
      JsonNode health = rest.getForEntity("/actuator/health", JsonNode.class).getBody();
      assertThat(health.get("status").asText()).as("SMTP down does not take the app down").isEqualTo("UP");
      assertThat(health.at("/components/outbox/status").asText()).isEqualTo("UP");
      assertThat(health.at("/components/outbox/details/pending").asLong()).isGreaterThanOrEqualTo(expected);
      assertThat(health.at("/components/outbox/details/oldestPendingAge").asText()).startsWith("PT");

      advance("PT6S");
      Map<String, OutboxRecord> second = awaitRecords(caseId, expected, r -> r.attempts() >= 2 && r.status() == MailStatus.PENDING);
      assertThat(second.values()).allSatisfy(r -> {
        assertThat(r.status()).isEqualTo(MailStatus.PENDING);
        Instant before = first.get(r.id()).nextAttempt();
        assertThat(Duration.between(before, r.nextAttempt())).as("the wait doubled").isGreaterThanOrEqualTo(Duration.ofSeconds(10));
      });

      advance("PT10M");
      awaitRecords(caseId, expected, r -> r.attempts() >= 3);
      assertThat(mailsAbout(caseId)).isEmpty();
    } finally {
      smtp.start();
    }
    // whatever a mail's backoff, it is due again within jiefen.mail.max-backoff
    advance("PT2M");

    Map<String, Long> perRecipient = awaitMailsExactly(caseId, expected);
    assertThat(perRecipient).containsOnlyKeys(party, "yantian-leader@jiefen.local", ENGLISH_SUPERVISOR + "@jiefen.local")
        .allSatisfy((to, mails) -> assertThat(mails).as(to).isEqualTo(instances));
    assertThat(awaitRecords(caseId, expected, r -> r.status() == MailStatus.SENT).values())
        .allSatisfy(r -> assertThat(r.sentAt()).isNotNull());
    List<JsonNode> english =
        mailsAbout(caseId).stream().filter(m -> m.get("to").get(0).asText().startsWith(ENGLISH_SUPERVISOR)).toList();
    assertThat(english).allSatisfy(m -> {
      assertThat(m.get("subject").asText()).startsWith("[Jiefen] Case " + caseId);
      assertThat(m.get("text").asText()).contains("22 December 2026");
    });
  }

  @Test
  void mailAndOutboxShowNoIdOrPhoneNumber(CapturedOutput output) throws Exception {
    String id = AppTestSupport.idNumber("44030619770303456");
    String phone = "13987654321";
    String party = "pii-" + AppTestSupport.RUN + "@example.com";
    String caseId = register(party, "王某（身份证" + id + "，电话" + phone + "）欠款纠纷");
    deploy(mailProcess("MailTestAccepted", "jiefen.notify.mail", "case-accepted", "PARTIES,MEDIATOR"));

    camunda.newCreateInstanceCommand().bpmnProcessId("MailTestAccepted").latestVersion()
        .variables(Map.of("caseId", caseId, "unitCode", YANTIAN)).withResult().send().join();

    awaitMails(caseId, 2);
    for (JsonNode mail : mailsAbout(caseId)) {
      String all = mail.get("subject").asText() + mail.get("text").asText();
      assertThat(all).doesNotContain(id).doesNotContain(phone).contains("139****4321")
          .contains(id.substring(0, 6) + "********" + id.substring(14));
    }
    JsonNode toParty = mailsAbout(caseId).stream().filter(m -> m.get("to").get(0).asText().equals(party)).findFirst().get();
    assertThat(toParty.get("text").asText()).contains("查询码：").contains(caseId).contains("盐田社区");
    String stored =
        es.search(s -> s.index(indices.mailOutbox()).query(q -> q.term(t -> t.field("caseId").value(caseId))), JsonNode.class)
            .hits().hits().toString();
    assertThat(stored).doesNotContain(id).doesNotContain(phone);
    assertThat(output.getAll()).doesNotContain(id).doesNotContain(phone);
  }

  @Test
  void aMailClaimedByAnInstanceThatDiedIsTakenOverWhenItsLeaseEnds() throws Exception {
    String to = "orphan-" + AppTestSupport.RUN + "@example.com";
    Instant now = engine.now();
    OutboxRecord orphan =
        new OutboxRecord("orphan-" + AppTestSupport.RUN, "orphan:" + AppTestSupport.RUN, "MD-ORPHAN-" + AppTestSupport.RUN,
            "manual", to, "孤立的邮件 MD-ORPHAN-" + AppTestSupport.RUN, "正文", MailStatus.SENDING, 1,
            now.minusSeconds(300), now.minusSeconds(300), now.minusSeconds(60), null, null);
    es.index(i -> i.index(indices.mailOutbox()).id(orphan.id()).document(orphan));

    assertThat(awaitMails("MD-ORPHAN-" + AppTestSupport.RUN, 1)).containsOnlyKeys(to);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(es.get(g -> g.index(indices.mailOutbox()).id(orphan.id()), OutboxRecord.class).source().status())
            .isEqualTo(MailStatus.SENT));
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
    assertThat(mailsAbout(caseId)).isEmpty();
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
    return created.getBody().get("id").asText();
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

  private void advance(String duration) {
    assertThat(rest.postForEntity("/dev/clock", Map.of("advance", duration), JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  private List<JsonNode> mailsAbout(String caseId) {
    JsonNode all = rest.getForObject("/dev/mail", JsonNode.class);
    return StreamSupport.stream(all.spliterator(), false)
        .filter(m -> m.get("subject").asText().contains(caseId))
        .toList();
  }

  /** Waits for {@code count} mails about the case; mails per recipient. */
  private Map<String, Long> awaitMails(String caseId, int count) {
    await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(caseId).size() >= count);
    return perRecipient(caseId);
  }

  /**
   * Waits for {@code count} mails about the case, then checks for longer than a dispatch interval
   * that no more come; mails per recipient.
   */
  private Map<String, Long> awaitMailsExactly(String caseId, int count) {
    awaitMails(caseId, count);
    await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5))
        .until(() -> mailsAbout(caseId).size() == count);
    return perRecipient(caseId);
  }

  private Map<String, Long> perRecipient(String caseId) {
    return mailsAbout(caseId).stream()
        .collect(Collectors.groupingBy(m -> m.get("to").get(0).asText(), Collectors.counting()));
  }

  /** The case's outbox records once there are {@code count} and all match, by id. */
  private Map<String, OutboxRecord> awaitRecords(String caseId, int count, java.util.function.Predicate<OutboxRecord> all) {
    return await().atMost(Duration.ofSeconds(20)).until(
        () -> es.search(s -> s.index(indices.mailOutbox()).size(100)
                .query(q -> q.term(t -> t.field("caseId").value(caseId))), OutboxRecord.class)
            .hits().hits().stream().map(h -> h.source())
            .collect(Collectors.toMap(OutboxRecord::id, Function.identity())),
        records -> records.size() == count && records.values().stream().allMatch(all));
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
