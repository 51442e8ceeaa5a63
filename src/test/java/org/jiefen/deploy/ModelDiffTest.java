package org.jiefen.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jiefen.deploy.ModelChange.Kind;
import org.junit.jupiter.api.Test;

/** What {@link ModelDiff} lists between two versions of the shipped models, forms and decision tables. */
class ModelDiffTest {

  static final String MEDIATION = read("processes/mediation/Mediation.bpmn");

  @Test
  void aModelComparedWithItselfHasNoChanges() {
    assertThat(ModelDiff.bpmn(bytes(MEDIATION), bytes(MEDIATION))).isEmpty();
  }

  @Test
  void aChangedVillageDeadlineIsOneChangedOutputOfTheStartEvent() {
    String after = replace(MEDIATION, "source='=\"P30D\"' target=\"villageDeadline\"", "source='=\"P10D\"' target=\"villageDeadline\"");
    assertThat(ModelDiff.bpmn(bytes(MEDIATION), bytes(after))).containsExactly(new ModelChange(
        Kind.CHANGED, "StartEvent_CaseRegistered", "startEvent", "纠纷已登记", "output", "villageDeadline",
        "=\"P30D\"", "=\"P10D\""));
  }

  @Test
  void aChangedTimerARemovedTaskAnAddedConditionAndAChangedJobTypeAreExactlyThoseChanges() {
    String after = MEDIATION;
    after = replace(after, "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">=date and time(levelDue)</bpmn:timeDate>",
        "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P15D</bpmn:timeDuration>");
    after = after.replace(block(after, "<bpmn:serviceTask id=\"Task_LinkCase\"", "</bpmn:serviceTask>"), "");
    after = replace(after, "<bpmn:sequenceFlow id=\"Flow_NoDuplicate\" sourceRef=\"Gateway_Duplicate\" targetRef=\"Gateway_JoinDuplicate\" />",
        "<bpmn:sequenceFlow id=\"Flow_NoDuplicate\" sourceRef=\"Gateway_Duplicate\" targetRef=\"Gateway_JoinDuplicate\">"
            + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">=duplicateSuspected = false</bpmn:conditionExpression>"
            + "</bpmn:sequenceFlow>");
    String notify = block(after, "<bpmn:serviceTask id=\"Task_NotifyAccepted\"", "</bpmn:serviceTask>");
    after = after.replace(notify, replace(notify, "jiefen.notify.mail", "jiefen.notify.sms"));

    assertThat(ModelDiff.bpmn(bytes(MEDIATION), bytes(after)))
        .extracting(ModelChange::change, ModelChange::elementId, ModelChange::elementType, ModelChange::property,
            ModelChange::before, ModelChange::after)
        .containsExactly(
            tuple(Kind.CHANGED, "Task_NotifyAccepted", "serviceTask", "jobType", "jiefen.notify.mail", "jiefen.notify.sms"),
            tuple(Kind.CHANGED, "Timer_LevelDeadline", "boundaryEvent", "timer", "=date and time(levelDue)", "P15D"),
            tuple(Kind.CHANGED, "Timer_LevelDeadline", "boundaryEvent", "timerType", "timeDate", "timeDuration"),
            tuple(Kind.CHANGED, "Flow_NoDuplicate", "sequenceFlow", "condition", null, "=duplicateSuspected = false"),
            tuple(Kind.REMOVED, "Task_LinkCase", "serviceTask", null, null, null));
    assertThat(ModelDiff.bpmn(bytes(MEDIATION), bytes(after))).last().extracting(ModelChange::name).isEqualTo("关联已有案件");
  }

  @Test
  void headersAssignmentsMappingsAndFlowsAreComparedPropertyByProperty() {
    String after = MEDIATION;
    after = replace(after, "<zeebe:header key=\"template\" value=\"case-accepted\" />", "<zeebe:header key=\"template\" value=\"case-received\" />");
    after = replace(after, "candidateGroups='=[\"intake:\" + registrarUnit]' candidateUsers=\"=[registeredBy]\"",
        "candidateGroups='=[\"supervisor:\" + registrarUnit]'");
    after = replace(after, "<bpmn:sequenceFlow id=\"Flow_ToCloseLinked\" sourceRef=\"Task_LinkCase\" targetRef=\"Task_CloseLinked\" />",
        "<bpmn:sequenceFlow id=\"Flow_ToCloseLinked\" name=\"关闭\" sourceRef=\"Task_LinkCase\" targetRef=\"End_Linked\" />");
    assertThat(ModelDiff.bpmn(bytes(MEDIATION), bytes(after)))
        .extracting(ModelChange::elementId, ModelChange::property, ModelChange::detail, ModelChange::before, ModelChange::after)
        .containsExactly(
            tuple("Task_NotifyAccepted", "header", "template", "case-accepted", "case-received"),
            tuple("Task_CheckDuplicate", "candidateGroups", null, "=[\"intake:\" + registrarUnit]", "=[\"supervisor:\" + registrarUnit]"),
            tuple("Task_CheckDuplicate", "candidateUsers", null, "=[registeredBy]", null),
            tuple("Flow_ToCloseLinked", "name", null, null, "关闭"),
            tuple("Flow_ToCloseLinked", "target", null, "Task_CloseLinked", "End_Linked"));
  }

  @Test
  void layoutAndFormattingAreNotChanges() {
    String after = MEDIATION
        .replace("<dc:Bounds x=\"", "<dc:Bounds x=\"1")
        .replace("\n      ", "\n  ")
        .replace("name=\"告知受理\">", "name=\"告知受理\"   >");
    assertThat(after).isNotEqualTo(MEDIATION);
    assertThat(ModelDiff.bpmn(bytes(MEDIATION), bytes(after))).isEmpty();
  }

  @Test
  void whatTheDeployStepAddsIsNotAChange() throws IOException {
    ModelPreparer preparer = new ModelPreparer();
    try (Stream<Path> files = Files.walk(Path.of("processes"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        byte[] raw = Files.readAllBytes(file);
        byte[] prepared = preparer.prepare(file.getFileName().toString(), raw).bytes();
        assertThat(prepared).as(file + " is prepared").isNotEqualTo(raw);
        assertThat(ModelDiff.bpmn(raw, prepared)).as(file.toString()).isEmpty();
        assertThat(ModelDiff.bpmn(prepared, raw)).as(file.toString()).isEmpty();
      }
    }
  }

  @Test
  void withoutABeforeEverythingIsAdded() {
    List<ModelChange> changes = ModelDiff.bpmn(null, bytes(MEDIATION));
    assertThat(changes).allSatisfy(c -> assertThat(c.change()).isEqualTo(Kind.ADDED));
    assertThat(changes.get(0)).isEqualTo(
        new ModelChange(Kind.ADDED, "Mediation", "process", "人民调解 People's mediation", null, null, null, null));
    assertThat(changes).extracting(ModelChange::elementId)
        .contains("StartEvent_CaseRegistered", "Task_RecordConsent", "Timer_LevelDeadline", "Flow_ToNotifyAccepted",
            "SubProcess_Level", "Task_ScheduleSession")
        .doesNotHaveDuplicates();
  }

  @Test
  void formComponentsAreComparedByKey() {
    String before = read("forms/mediation/mediation-consent.form");
    String after = before;
    after = replace(after, "\"label\": \"当事人意见\"", "\"label\": \"当事人的意见\"");
    after = replace(after, "\"label\": \"有当事人不同意调解\",", "\"label\": \"有当事人拒绝调解\",");
    after = replace(after, "\"hide\": \"=consent = \\\"refused\\\"\"", "\"hide\": \"=consent != \\\"all_agreed\\\"\"");
    after = after.replace(block(after, "{\n      \"id\": \"Text_Consent\"", "},\n"), "");
    after = replace(after, "\"key\": \"note\"", "\"key\": \"remark\"");
    assertThat(ModelDiff.form(bytes(before), bytes(after)))
        .extracting(ModelChange::change, ModelChange::elementId, ModelChange::elementType, ModelChange::property,
            ModelChange::detail, ModelChange::before, ModelChange::after)
        .containsExactly(
            tuple(Kind.CHANGED, "consent", "radio", "label", null, "当事人意见", "当事人的意见"),
            tuple(Kind.CHANGED, "consent", "radio", "options", null,
                "各方当事人同意调解=all_agreed; 有当事人不同意调解=refused", "各方当事人同意调解=all_agreed; 有当事人拒绝调解=refused"),
            tuple(Kind.CHANGED, "chosenMediator", "select", "conditional", null,
                "=consent = \"refused\"", "=consent != \"all_agreed\""),
            tuple(Kind.ADDED, "remark", "textarea", null, null, null, null),
            tuple(Kind.REMOVED, "Text_Consent", "text", null, null, null, null),
            tuple(Kind.REMOVED, "note", "textarea", null, null, null, null));
    String required = replace(before, "\"maxLength\": 1000", "\"maxLength\": 500, \"required\": true");
    assertThat(ModelDiff.form(bytes(before), bytes(required)))
        .extracting(ModelChange::elementId, ModelChange::property, ModelChange::detail, ModelChange::before, ModelChange::after)
        .containsExactly(
            tuple("note", "required", null, null, "true"),
            tuple("note", "validate", "maxLength", "1000", "500"));
    assertThat(ModelDiff.form(bytes(before), bytes(before))).isEmpty();
  }

  @Test
  void decisionTablesListHitPolicyColumnsAndRulesByTheirCells() {
    String before = read("processes/mediation/MediationTriage.dmn");
    String after = before;
    after = replace(after, "hitPolicy=\"FIRST\"", "hitPolicy=\"PRIORITY\"");
    after = replace(after, "<inputEntry id=\"Entry_Large_Amount\"><text>&gt;= 500000</text></inputEntry>",
        "<inputEntry id=\"Entry_Large_Amount\"><text>&gt;= 300000</text></inputEntry>");
    after = replace(after, "<input id=\"Input_Amount\" label=\"争议金额（元） Amount\">", "<input id=\"Input_Amount\" label=\"争议金额 Amount\">");
    String land = after.substring(after.indexOf("      <rule id=\"Rule_Land\">"), after.indexOf("      <rule id=\"Rule_MediumAmount\">"));
    after = after.replace(land, "");
    after = replace(after, "      <rule id=\"Rule_Default\">", """
              <rule id="Rule_Family">
                <inputEntry id="Entry_Family_Category"><text>"family"</text></inputEntry>
                <inputEntry id="Entry_Family_Amount"><text>-</text></inputEntry>
                <outputEntry id="Out_Family"><text>"VILLAGE"</text></outputEntry>
              </rule>
              <rule id="Rule_Default">""");
    assertThat(ModelDiff.dmn(bytes(before), bytes(after)))
        .extracting(ModelChange::change, ModelChange::elementId, ModelChange::property, ModelChange::detail,
            ModelChange::before, ModelChange::after)
        .containsExactly(
            tuple(Kind.CHANGED, "MediationTriage", "hitPolicy", null, "FIRST", "PRIORITY"),
            tuple(Kind.CHANGED, "MediationTriage", "input", "Input_Amount", "争议金额（元） Amount [amount]", "争议金额 Amount [amount]"),
            tuple(Kind.CHANGED, "Rule_LargeAmount", "rule", "MediationTriage", "- | >= 500000 | \"COUNTY\"", "- | >= 300000 | \"COUNTY\""),
            tuple(Kind.ADDED, "Rule_Family", "rule", "MediationTriage", null, "\"family\" | - | \"VILLAGE\""),
            tuple(Kind.REMOVED, "Rule_Land", "rule", "MediationTriage", "\"land\" | - | \"TOWN\"", null));
    assertThat(ModelDiff.dmn(bytes(before), bytes(before))).isEmpty();
    assertThat(ModelDiff.dmn(null, bytes(before)))
        .as("a new decision is listed, not each of its rules")
        .containsExactly(new ModelChange(Kind.ADDED, "MediationTriage", "decision", "调解起始层级 Starting level",
            null, null, null, null));
  }

  @Test
  void aLargeModelIsComparedInOnePass() {
    StringBuilder big = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
            id="Definitions_Big" targetNamespace="https://jiefen.org/test">
          <bpmn:process id="Big" isExecutable="true">
            <bpmn:startEvent id="Start" />
        """);
    int n = 0;
    while (big.length() < 2 * 1024 * 1024 - 1000) {
      big.append("""
              <bpmn:serviceTask id="Task_%1$d" name="第%1$d步">
                <bpmn:extensionElements>
                  <zeebe:taskDefinition type="jiefen.notify.mail" retries="10" />
                  <zeebe:taskHeaders><zeebe:header key="template" value="step-%1$d" /></zeebe:taskHeaders>
                </bpmn:extensionElements>
              </bpmn:serviceTask>
              <bpmn:sequenceFlow id="Flow_%1$d" sourceRef="Task_%1$d" targetRef="Task_%2$d" />
          """.formatted(n, n + 1));
      n++;
    }
    big.append("  </bpmn:process>\n</bpmn:definitions>\n");
    String before = big.toString();
    String after = replace(before, "value=\"step-" + (n - 1) + "\"", "value=\"last-step\"");
    List<ModelChange> changes = ModelDiff.bpmn(bytes(before), bytes(after));
    assertThat(n).isGreaterThan(5000);
    assertThat(changes).extracting(ModelChange::elementId, ModelChange::detail, ModelChange::after)
        .containsExactly(tuple("Task_" + (n - 1), "template", "last-step"));
  }

  @Test
  void hostileOrBrokenInputIsRefusedWithAMessage() {
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE bpmn:definitions [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D"><bpmn:process id="P" name="&x;"/></bpmn:definitions>
        """;
    assertThatThrownBy(() -> ModelDiff.bpmn(bytes(MEDIATION), bytes(xxe)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DOCTYPE");
    assertThatThrownBy(() -> ModelDiff.bpmn(null, bytes("{\"id\": \"form\"}")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModelDiff.form(null, bytes("<form/>")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON");
    assertThatThrownBy(() -> ModelDiff.dmn(null, bytes(MEDIATION)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DMN");
  }

  /** The text from {@code start} to the end of the first {@code end} after it. */
  private static String block(String text, String start, String end) {
    int from = text.indexOf(start);
    assertThat(from).as(start).isNotNegative();
    int to = text.indexOf(end, from);
    assertThat(to).as(end).isGreaterThan(from);
    return text.substring(from, to + end.length());
  }

  private static String replace(String text, String old, String now) {
    assertThat(text).as("the model to change").contains(old);
    return text.replace(old, now);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
