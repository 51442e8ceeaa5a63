package org.jiefen.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jiefen.web.FieldProblem;
import org.jiefen.web.FieldProblem.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FormValidatorTest {

  /** One of every field type, layout and rule the validator knows. */
  static final FormSchema FORM =
      FormSchema.parse(
          """
          {
            "id": "all-fields", "type": "default", "schemaVersion": 18,
            "components": [
              { "type": "text", "text": "# 调解记录" },
              { "type": "textfield", "key": "name", "label": "姓名", "validate": { "required": true, "minLength": 2, "maxLength": 10 } },
              { "type": "textfield", "key": "code", "validate": { "pattern": "^[A-Z]{2}\\\\d{3}$", "validationType": "custom" } },
              { "type": "textfield", "key": "email", "validate": { "validationType": "email" } },
              { "type": "textfield", "key": "phone", "validate": { "validationType": "phone" } },
              { "type": "textarea", "key": "notes", "validate": { "maxLength": 50 } },
              { "type": "textarea", "key": "longNotes" },
              { "type": "number", "key": "amount", "decimalDigits": 2, "validate": { "min": 0, "max": 1000 } },
              { "type": "number", "key": "count", "serializeToString": true, "increment": "5" },
              { "type": "number", "key": "limit", "validate": { "max": "=maxLimit" } },
              { "type": "datetime", "subtype": "date", "key": "day", "dateLabel": "日期", "validate": { "required": true } },
              { "type": "datetime", "subtype": "time", "key": "clock", "timeLabel": "时间" },
              { "type": "datetime", "subtype": "datetime", "key": "moment" },
              { "type": "select", "key": "outcome", "label": "结果", "validate": { "required": true },
                "properties": { "process": "true" },
                "values": [ { "label": "达成协议", "value": "agreed" }, { "label": "未达成协议", "value": "not_agreed" } ] },
              { "type": "radio", "key": "level", "values": [ { "label": "一级", "value": 1 }, { "label": "二级", "value": 2 } ] },
              { "type": "select", "key": "unit", "valuesKey": "units", "properties": { "process": "true" } },
              { "type": "checkbox", "key": "consent", "label": "同意", "validate": { "required": true } },
              { "type": "checkbox", "key": "urgent", "properties": { "process": true } },
              { "type": "checklist", "key": "topics", "values": [ { "label": "工资", "value": "wage" }, { "label": "工伤", "value": "injury" } ] },
              { "type": "taglist", "key": "tags", "valuesExpression": "=tagOptions" },
              { "type": "textfield", "key": "reason", "validate": { "required": true }, "conditional": { "hide": "=outcome = \\"agreed\\"" } },
              { "type": "textfield", "key": "prefilled", "readonly": true, "validate": { "required": true } },
              { "type": "textfield", "key": "locked", "disabled": true, "validate": { "required": true } },
              { "type": "group", "label": "地址", "path": "address", "components": [
                { "type": "textfield", "key": "city", "validate": { "required": true } },
                { "type": "textfield", "key": "district", "properties": { "process": "true" } } ] },
              { "type": "group", "label": "只是排版", "components": [ { "type": "textfield", "key": "remark" } ] },
              { "type": "group", "label": "可隐藏", "conditional": { "hide": "=true" }, "components": [
                { "type": "textfield", "key": "hiddenRequired", "validate": { "required": true } } ] },
              { "type": "dynamiclist", "path": "items", "isRepeating": true, "components": [
                { "type": "textfield", "key": "what", "validate": { "required": true } },
                { "type": "number", "key": "sum", "properties": { "process": "true" } } ] },
              { "type": "textfield", "key": "meta.source" },
              { "type": "spacer" }, { "type": "separator" }, { "type": "html", "content": "<b>注意</b>" },
              { "type": "button", "action": "submit", "label": "提交" }
            ]
          }
          """
              .getBytes(StandardCharsets.UTF_8));

  /** The smallest valid submission: the required fields only. */
  static Map<String, Object> minimal() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "王小明");
    m.put("day", "2026-11-20");
    m.put("outcome", "not_agreed");
    m.put("consent", true);
    m.put("reason", "对方未到场");
    m.put("address", new LinkedHashMap<>(Map.of("city", "深圳")));
    return m;
  }

  static Stream<Arguments> goodSubmissions() {
    return Stream.of(
        good("the required fields only"),
        good("all optional fields",
            "code", "AB123", "email", "wang.xm@example.com", "phone", "13712345678", "notes", "第一行\n第二行\t缩进",
            "amount", 12.5, "count", "15", "limit", 99999, "clock", "09:30", "moment", "2026-11-20T09:30",
            "level", 2, "unit", "440306001001", "urgent", false, "topics", List.of("wage", "injury"),
            "tags", List.of("加急", "复杂"), "remark", "备注", "items", List.of(Map.of("what", "工资", "sum", 100)),
            "meta", Map.of("source", "窗口")),
        good("empty optional values", "code", "", "email", "", "amount", null, "topics", List.of(), "urgent", false,
            "clock", "", "items", List.of()),
        good("hidden field left out", "reason", null),
        good("a number written as 1.0 matches option 1", "level", 1.0),
        good("integer amount", "amount", 1000),
        good("amount with trailing zeros", "amount", new BigDecimal("10.500")),
        good("landline with area code", "phone", "0755-88881234"),
        good("mobile with country code", "phone", "+86 137 1234 5678"),
        good("international number", "phone", "+4930664040900"),
        good("time with seconds and offset", "clock", "09:30:15+08:00"),
        good("datetime in UTC", "moment", "2026-11-20T01:30:00Z"),
        good("datetime with offset", "moment", "2026-11-20T09:30+08:00"),
        good("pattern found inside the value, as form-js tests it", "code", "AB123"),
        good("length counted without surrounding blanks", "name", "  王某  "),
        good("dynamic options take any plain value", "unit", 42),
        good("book-title marks are not markup", "notes", "《人民调解法》第二十六条"),
        good("readonly and disabled fields are never required", "prefilled", "已填", "locked", null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodSubmissions")
  void acceptsValidSubmissions(String name, Map<String, Object> submission) {
    FormValidator.Result result = FormValidator.validate(FORM, submission);
    assertThat(result.violations()).as(name).isEmpty();
  }

  static Stream<Arguments> badSubmissions() {
    return Stream.of(
        bad("required text missing", "name", null, "name", "is required"),
        bad("required text blank", "name", "   ", "name", "is required"),
        bad("text too short", "name", "王", "name", "at least 2"),
        bad("text too long", "name", "王".repeat(11), "name", "at most 10"),
        bad("text that is a number", "name", 12, "name", "must be text"),
        bad("text that is a list", "name", List.of("王"), "name", "must be text"),
        bad("markup in a text field", "name", "<b>王</b>", "name", "must not contain < or >"),
        bad("line break in a text field", "name", "王\n小明", "name", "control characters"),
        bad("NUL in a textarea", "notes", "a\u0000b", "notes", "control characters"),
        bad("escape in a textarea", "notes", "\u001b[31m红", "notes", "control characters"),
        bad("textarea over its maxLength", "notes", "字".repeat(51), "notes", "at most 50"),
        bad("textarea over the server's limit", "longNotes", "x".repeat(FormValidator.TEXT_LIMIT + 1), "longNotes",
            "at most " + FormValidator.TEXT_LIMIT),
        bad("text field over the server's limit", "remark", "x".repeat(FormValidator.LINE_LIMIT + 1), "remark",
            "at most " + FormValidator.LINE_LIMIT),
        bad("pattern not matched", "code", "ab123", "code", "must match the pattern"),
        bad("not an e-mail", "email", "wang@", "email", "e-mail"),
        bad("e-mail with a line break", "email", "a@b.cn\r\nBcc: x@y.cn", "email", "control characters"),
        bad("not a phone number", "phone", "12345", "phone", "phone number"),
        bad("number below min", "amount", -1, "amount", "at least 0"),
        bad("number above max", "amount", 1000.01, "amount", "at most 1000"),
        bad("too many decimals", "amount", 1.234, "amount", "at most 2 decimal digits"),
        bad("number as text where the field sends numbers", "amount", "12", "amount", "must be a number"),
        bad("number that is a boolean", "amount", true, "amount", "must be a number"),
        bad("serialized number that is not numeric", "count", "fifteen", "count", "written as text"),
        bad("number off its increment", "count", "12", "count", "multiple of 5"),
        bad("date in another format", "day", "2026/11/20", "day", "yyyy-MM-dd"),
        bad("date that does not exist", "day", "2026-02-30", "day", "yyyy-MM-dd"),
        bad("date with a time", "day", "2026-11-20T10:00", "day", "yyyy-MM-dd"),
        bad("date as a number", "day", 20261120, "day", "yyyy-MM-dd"),
        bad("time out of range", "clock", "24:10", "clock", "HH:mm"),
        bad("time with a bad offset", "clock", "09:30+25:00", "clock", "HH:mm"),
        bad("datetime without time", "moment", "2026-11-20", "moment", "ISO-8601"),
        bad("datetime that does not exist", "moment", "2026-13-01T09:00", "moment", "ISO-8601"),
        bad("select value not offered", "outcome", "won", "outcome", "must be one of agreed, not_agreed"),
        bad("select value in another case", "outcome", "AGREED", "outcome", "must be one of"),
        bad("required select missing", "outcome", "", "outcome", "is required"),
        bad("select value as a list", "outcome", List.of("agreed"), "outcome", "single value"),
        bad("radio value as text where options are numbers", "level", "1", "level", "must be one of 1, 2"),
        bad("radio value not offered", "level", 3, "level", "must be one of 1, 2"),
        bad("dynamic select with markup", "unit", "<x>", "unit", "must not contain < or >"),
        bad("dynamic select with an object", "unit", Map.of("a", 1), "unit", "single value"),
        bad("required checkbox unchecked", "consent", false, "consent", "is required"),
        bad("checkbox as text", "consent", "true", "consent", "true or false"),
        bad("checklist value not offered", "topics", List.of("wage", "rent"), "topics[1]", "must be one of wage, injury"),
        bad("checklist as a single value", "topics", "wage", "topics", "list of values"),
        bad("taglist with an object", "tags", List.of(Map.of()), "tags[0]", "single value"),
        bad("group that is not an object", "address", "深圳", "address", "must be an object"),
        bad("required field of a group missing", "address", Map.of(), "address.city", "is required"),
        bad("group field not on the form", "address", Map.of("city", "深圳", "zip", "518000"), "address.zip",
            "is not a field of this form"),
        bad("list that is not a list", "items", Map.of("what", "x"), "items", "must be a list"),
        bad("list item that is not an object", "items", List.of("x"), "items[0]", "must be an object"),
        bad("required field of a list item missing", "items", List.of(Map.of("what", "工资"), Map.of("sum", 1)),
            "items[1].what", "is required"),
        bad("nested key not an object", "meta", "窗口", "meta", "must be an object"),
        bad("key that is not a field", "applicantName", "王小明", "applicantName", "is not a field of this form"),
        bad("key with markup is named without it", "<img src=x>", "1", "\"?img src=x?\"", "is not a field of this form"),
        bad("ID number in a process field", "unit", "11010519491231002X", "unit", "must not hold an ID or phone number"),
        bad("phone number in a process field", "unit", "13712345678", "unit", "must not hold an ID or phone number"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSubmissions")
  void refusesInvalidSubmissionsNamingTheField(String name, Map<String, Object> submission, String field, String message) {
    FormValidator.Result result = FormValidator.validate(FORM, submission);
    assertThat(result.valid()).as(name).isFalse();
    assertThat(result.violations()).as(name).hasSize(1);
    assertThat(result.violations().get(0).field()).as(name).isEqualTo(field);
    assertThat(result.violations().get(0).message()).as(name).contains(message);
    assertThat(result.processVariables()).isEmpty();
  }

  @Test
  void reportsEveryViolationAtOnce() {
    Map<String, Object> submission = new LinkedHashMap<>();
    submission.put("name", "<王>");
    submission.put("amount", -5);
    submission.put("outcome", "maybe");
    submission.put("consent", false);
    submission.put("address", Map.of());
    submission.put("surplus", 1);
    submission.put("another", "x");

    FormValidator.Result result = FormValidator.validate(FORM, submission);

    assertThat(result.violations())
        .extracting(Violation::field)
        .containsExactly("name", "amount", "day", "outcome", "consent", "address.city", "another", "surplus");
    assertThatThrownBy(result::orThrow)
        .isInstanceOfSatisfying(FieldProblem.class, p -> assertThat(p.violations()).hasSize(8))
        .hasMessageContaining("name: ")
        .hasMessageContaining("surplus: is not a field of this form");
  }

  @Test
  void anEmptySubmissionNamesEveryRequiredField() {
    // "reason" is required but may be hidden by its condition, "hiddenRequired" sits in a hideable group,
    // "prefilled" is readonly and "locked" disabled: none of them can be insisted on.
    assertThat(FormValidator.validate(FORM, Map.of()).violations())
        .extracting(Violation::field)
        .containsExactly("name", "day", "outcome", "consent", "address.city");
    assertThat(FormValidator.validate(FORM, null).violations()).hasSize(5);
  }

  @Test
  void onlyProcessFieldsGoToTheEngineNestedAsSubmitted() {
    Map<String, Object> submission = minimal();
    submission.put("unit", "440306001001");
    submission.put("urgent", true);
    submission.put("address", Map.of("city", "深圳", "district", "宝安"));
    submission.put("items", List.of(Map.of("what", "工资", "sum", 100), Map.of("what", "赔偿")));
    submission.put("notes", "王小明 13712345678");

    FormValidator.Result result = FormValidator.validate(FORM, submission);

    assertThat(result.valid()).isTrue();
    assertThat(result.processVariables())
        .containsExactly(
            Map.entry("outcome", "not_agreed"),
            Map.entry("unit", "440306001001"),
            Map.entry("urgent", true),
            Map.entry("address", Map.of("district", "宝安")),
            Map.entry("items", List.of(Map.of("sum", 100), Map.of())));
  }

  @Test
  void processFieldsLeftOutAreNotSent() {
    FormValidator.Result result = FormValidator.validate(FORM, minimal());
    assertThat(result.processVariables()).containsOnlyKeys("outcome");
  }

  @Test
  void aTaskWithoutAFormTakesNothing() {
    assertThat(FormValidator.withoutForm(Map.of()).valid()).isTrue();
    assertThat(FormValidator.withoutForm(null).valid()).isTrue();
    assertThat(FormValidator.withoutForm(Map.of("outcome", "agreed", "b", 1)).violations())
        .extracting(Violation::field)
        .containsExactly("b", "outcome");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mediationSubmissions")
  void theMediationFormsSendOnlyRoutingDataToTheEngine(String formId, Map<String, Object> submission,
      Map<String, Object> processVariables) throws Exception {
    byte[] bytes;
    try (var in = getClass().getResourceAsStream("/forms/mediation/" + formId + ".form")) {
      bytes = in.readAllBytes();
    }
    FormSchema form = FormSchema.parse(bytes);

    FormValidator.Result result = FormValidator.validate(form, submission);

    assertThat(result.violations()).isEmpty();
    assertThat(result.processVariables()).isEqualTo(processVariables);
    assertThat(form.id()).isEqualTo(formId);
  }

  static Stream<Arguments> mediationSubmissions() {
    return Stream.of(
        Arguments.of("mediation-session",
            Map.of("sessionDate", "2026-11-20", "participants", "双方当事人", "summary", "达成一致", "sessionOutcome", "agreed"),
            Map.of("sessionOutcome", "agreed")),
        Arguments.of("mediation-consent",
            Map.of("consent", "all_agreed", "chosenMediator", "haiwang-mediator", "note", "王某同意"),
            Map.of("consent", "all_agreed", "chosenMediator", "haiwang-mediator")),
        Arguments.of("mediation-schedule",
            Map.of("sessionAt", "2026-12-01T09:30", "sessionPlace", "社区调解室", "note", "通知双方"),
            Map.of("sessionAt", "2026-12-01T09:30", "sessionPlace", "社区调解室")),
        Arguments.of("mediation-agreement",
            Map.of("facts", "欠薪", "terms", "支付", "performanceMethod", "转账", "performBy", "2026-12-31"),
            Map.of()),
        Arguments.of("mediation-signatures",
            Map.of("signers", List.of("party-0", "mediator"), "signedOn", "2026-11-25"),
            Map.of("signers", List.of("party-0", "mediator"), "signedOn", "2026-11-25")),
        Arguments.of("mediation-risk", Map.of("riskDecision", "pause", "measures", "通报派出所"),
            Map.of("riskDecision", "pause")),
        Arguments.of("mediation-resume", Map.of("resumeDecision", "resume", "note", "风险消除"),
            Map.of("resumeDecision", "resume")),
        Arguments.of("mediation-follow-up",
            Map.of("performed", "no", "satisfaction", 2, "reopen", true, "note", "未付款"),
            Map.of("performed", "no", "satisfaction", 2, "reopen", true)),
        Arguments.of("mediation-duplicate", Map.of("duplicateDecision", "link", "linkTo", "MD-20261101-ABCDE"),
            Map.of("duplicateDecision", "link", "linkTo", "MD-20261101-ABCDE")));
  }

  static Stream<Arguments> unusableForms() {
    return Stream.of(
        Arguments.of("[]", "is not a JSON object"),
        Arguments.of("{\"components\": []}", "has no \"id\""),
        Arguments.of("{\"id\": \"f\"}", "no \"components\" array"),
        Arguments.of(form("{\"type\": \"textfield\", \"label\": \"x\"}"), "has no \"key\""),
        Arguments.of(form("{\"type\": \"textfield\", \"key\": \"a..b\"}"), "malformed key"),
        Arguments.of(form("{\"type\": \"textfield\", \"key\": \"a\"}, {\"type\": \"number\", \"key\": \"a\"}"), "binds \"a\""),
        Arguments.of(form("{\"type\": \"textfield\", \"key\": \"a\"}, {\"type\": \"textfield\", \"key\": \"a.b\"}"), "binds \"a.b\""),
        Arguments.of(form("{\"type\": \"dynamiclist\", \"components\": []}"), "no \"path\""),
        Arguments.of(form("{\"type\": \"expression\", \"key\": \"total\", \"expression\": \"=1\"}"), "cannot check"),
        Arguments.of(form("{\"type\": \"filepicker\", \"key\": \"file\"}"), "cannot check"),
        Arguments.of(form("{\"type\": \"signature\", \"key\": \"s\"}"), "unsupported component type \"signature\""),
        Arguments.of(form("{\"type\": \"textfield\", \"key\": \"a\", \"validate\": {\"pattern\": \"([a-z\"}}"), "not a valid regular expression"),
        Arguments.of(form("{\"type\": \"textfield\", \"key\": \"a\", \"validate\": {\"validationType\": \"iban\"}}"), "unknown validationType"),
        Arguments.of(form("{\"type\": \"textfield\", \"key\": \"a\", \"validate\": {\"maxLength\": \"ten\"}}"), "not a whole number"),
        Arguments.of(form("{\"type\": \"number\", \"key\": \"a\", \"validate\": {\"min\": \"zero\"}}"), "not a number"),
        Arguments.of(form("{\"type\": \"datetime\", \"subtype\": \"week\", \"key\": \"a\"}"), "unknown datetime subtype"),
        Arguments.of(form("{\"type\": \"select\", \"key\": \"a\", \"values\": [{\"label\": \"x\"}]}"), "option without"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("unusableForms")
  void refusesFormsWhoseRulesItCannotCheck(String json, String problem) {
    assertThatThrownBy(() -> FormSchema.parse(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(FormSchema.InvalidFormException.class)
        .hasMessageContaining(problem);
  }

  @Test
  void namesEveryProblemOfAForm() {
    var e =
        org.junit.jupiter.api.Assertions.assertThrows(
            FormSchema.InvalidFormException.class,
            () ->
                FormSchema.parse(
                    form("{\"type\": \"textfield\"}, {\"type\": \"table\"}, {\"type\": \"rating\", \"key\": \"r\"}")
                        .getBytes(StandardCharsets.UTF_8)));
    assertThat(e.problems()).hasSize(2);
  }

  private static String form(String components) {
    return "{\"id\": \"f\", \"type\": \"default\", \"components\": [" + components + "]}";
  }

  private static Arguments good(String name, Object... keyValues) {
    Map<String, Object> submission = minimal();
    for (int i = 0; i < keyValues.length; i += 2) {
      submission.put((String) keyValues[i], keyValues[i + 1]);
    }
    return Arguments.of(name, submission);
  }

  private static Arguments bad(String name, String key, Object value, String field, String message) {
    Map<String, Object> submission = new HashMap<>(minimal());
    submission.put(key, value);
    return Arguments.of(name, submission, field, message);
  }
}
