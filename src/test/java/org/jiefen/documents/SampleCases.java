package org.jiefen.documents;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jiefen.cases.CaseAgreement;
import org.jiefen.cases.CaseConfirmation;
import org.jiefen.cases.CaseDocument;
import org.jiefen.cases.CaseEvent;
import org.jiefen.cases.CaseFile;
import org.jiefen.documents.layout.DocumentFonts;
import org.jiefen.documents.layout.PdfRenderer;
import org.jiefen.pii.PiiKeys;
import org.jiefen.pii.PiiProtector;
import org.jiefen.pii.ProtectedValue;

/** Realistic case files for document tests: a wage dispute mediated to an agreement, and a petition. */
final class SampleCases {

  static final String ID_NUMBER = "11010519491231002X";
  static final String PHONE = "13712345678";
  static final String THIRD_ID = "44030619880512002X";
  static final PiiProtector PII = new PiiProtector(PiiKeys.fromBase64(
      Base64.getEncoder().encodeToString(new byte[32]),
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes())));
  static final DocumentFonts FONTS = new DocumentFonts(1);

  private SampleCases() {}

  static DocumentRenderer renderer() {
    return renderer(null);
  }

  static DocumentRenderer renderer(Path templateDir) {
    return new DocumentRenderer(new DocumentTemplates(templateDir), new PdfRenderer(FONTS), PII, "长期");
  }

  static DocumentInput input(DocumentType type) {
    return switch (type) {
      case PETITION_ACCEPTANCE -> petition(record("Task_Accept", Map.of("handlingUnit", "宝安区人力资源局",
          "note", "请保持电话畅通，承办单位将与你联系。")));
      case PETITION_NON_ACCEPTANCE -> petition(record("Task_Accept", Map.of(
          "reason", "你反映的事项属于劳动争议，依法应当通过劳动人事争议仲裁途径解决。",
          "referTo", "深圳市宝安区劳动人事争议仲裁委员会")));
      case PETITION_OPINION -> petition(record("Task_Opinion", Map.of(
          "request", "要求某公司补缴2019年至2024年社会保险费。",
          "facts", "经调取社保缴费记录并询问双方，某公司自2021年3月起未为信访人缴纳社会保险费，共计欠缴34个月。",
          "outcome", "support",
          "opinion", "责成某公司于2027年1月31日前为信访人补缴欠缴的社会保险费，并由区人力资源局跟踪督办。",
          "legalBasis", "《中华人民共和国社会保险法》第五十八条、第八十六条。")));
      default -> new DocumentInput(mediation(), timeline(), null, SampleCases::unitName, u -> "张调解");
    };
  }

  static CaseFile mediation() {
    ProtectedValue id = PII.protectId(ID_NUMBER);
    ProtectedValue phone = PII.protectPhone(PHONE);
    ProtectedValue thirdId = PII.protectId(THIRD_ID);
    ProtectedValue companyPhone = PII.protectPhone("13800138000");
    List<CaseFile.StoredParty> parties = List.of(
        new CaseFile.StoredParty("王小明", "applicant", id.masked(), id.cipher(), id.hash(), phone.masked(), phone.cipher(),
            phone.hash(), "wang.xm@example.com"),
        new CaseFile.StoredParty("某劳务派遣有限公司", "respondent", null, null, null, companyPhone.masked(),
            companyPhone.cipher(), companyPhone.hash(), null),
        new CaseFile.StoredParty("李秀兰", "third_party", thirdId.masked(), thirdId.cipher(), thirdId.hash(), null, null,
            null, null));
    CaseAgreement agreement = new CaseAgreement(
        "申请人王小明自2025年3月起在被申请人某劳务派遣有限公司从事仓储搬运工作，约定月工资6000元。被申请人自2026年6月起未发放"
            + "申请人工资，至2026年8月共拖欠工资三个月，计人民币18000元。申请人多次催讨未果，遂于2026年11月22日申请调解。\n"
            + "经调查核实，双方对拖欠工资的事实和数额均无异议。被申请人以“资金周转困难”为由要求分期支付。第三人李秀兰系申请人"
            + "所在班组的组长，证实了申请人的出勤情况。被申请人未按时足额支付劳动报酬，应当承担相应责任；申请人同意给予一定的支付期限。",
        "一、被申请人于2026年12月15日前向申请人支付拖欠工资人民币10000元；\n"
            + "二、被申请人于2026年12月31日前向申请人支付剩余工资人民币8000元；\n"
            + "三、被申请人按约履行后，申请人不再就2026年6月至8月的工资向被申请人主张任何权利；\n"
            + "四、本纠纷就此了结，各方不得再就同一事实提出其他请求。",
        "被申请人通过银行转账方式支付至申请人名下的银行账户（开户行：中国工商银行深圳宝安支行）。",
        "2026-12-31",
        "xinan-mediator",
        "440306001000",
        Instant.parse("2026-11-25T02:30:00Z"),
        List.of(new CaseAgreement.Signer("party-0", "申请人 王小明", "2026-11-25", Instant.parse("2026-11-25T03:00:00Z")),
            new CaseAgreement.Signer("party-1", "被申请人 某劳务派遣有限公司", "2026-11-25", Instant.parse("2026-11-25T03:00:00Z")),
            new CaseAgreement.Signer("party-2", "第三人 李秀兰", "2026-11-26", Instant.parse("2026-11-26T01:00:00Z")),
            new CaseAgreement.Signer("mediator", "人民调解员", "2026-11-25", Instant.parse("2026-11-25T03:00:00Z"))),
        Instant.parse("2026-11-26T01:00:00Z"),
        null);
    CaseConfirmation confirmation = new CaseConfirmation("WAITING_APPLICATION", "深圳市宝安区人民法院", null, null, null,
        null, null, null, null, Instant.parse("2026-11-26T01:00:00Z"));
    List<CaseDocument> documents = List.of(new CaseDocument("mediation-agreement", "人民调解协议书",
        "MD-20261122-7K3QX-TJXY", "a".repeat(64), 61234, 2, Instant.parse("2026-11-26T01:00:05Z"), "system"));
    return new CaseFile("MD-20261122-7K3QX", "7K3QXABC", "mediation", "王某与某劳务公司拖欠工资纠纷",
        "拖欠三个月工资共计一万八千元，多次催讨未果。", "labour", new BigDecimal("18000"), "walk_in", "440306001001",
        List.of("440306000000", "440306001000", "440306001001"), "CLOSED", "TOWN", "440306001000", 1L, "intake",
        "440306000000", Instant.parse("2026-11-22T01:15:00Z"), Instant.parse("2026-12-30T08:00:00Z"), parties, List.of(),
        List.of(), agreement, "agreed", Instant.parse("2026-12-30T08:00:00Z"), 38, 5, documents, List.of(), confirmation, null, List.of(), null);
  }

  static List<CaseEvent> timeline() {
    return List.of(
        event("2026-11-22T01:15:00Z", "CASE_REGISTERED", "王某与某劳务公司拖欠工资纠纷"),
        event("2026-11-22T01:15:02Z", "LEVEL_ENTERED", "海旺社区人民调解委员会受理"),
        event("2026-11-23T02:00:00Z", "TASK_RECORD", "记录调解：未达成协议"),
        event("2026-11-24T02:00:00Z", "ESCALATED", "三次调解未果，升至新安街道"),
        event("2026-11-25T02:30:00Z", "AGREEMENT_RECORDED", "调解协议已制作，待各方签名"),
        event("2026-11-26T01:00:00Z", "AGREEMENT_EFFECTIVE", "调解协议经各方签名生效"),
        event("2026-11-26T01:00:05Z", "DOCUMENT_GENERATED", "人民调解协议书（MD-20261122-7K3QX-TJXY）"),
        event("2026-12-30T08:00:00Z", "CASE_CLOSED", "agreed"));
  }

  static DocumentInput petition(CaseEvent record) {
    ProtectedValue id = PII.protectId(ID_NUMBER);
    ProtectedValue phone = PII.protectPhone(PHONE);
    CaseFile file = new CaseFile("XF-20261201-Q8M2N", "Q8M2NRST", "petition", "反映某公司未缴纳社会保险费问题",
        "信访人反映其所在公司自2021年起未为其缴纳社会保险费，要求补缴。", "labour", null, "letter", "440306000000",
        List.of("440306000000"), "OPEN", "COUNTY", "440306000000", 2L, "qu-petition", "440306000000",
        Instant.parse("2026-12-01T02:00:00Z"), Instant.parse("2026-12-03T02:00:00Z"),
        List.of(new CaseFile.StoredParty("王小明", "applicant", id.masked(), id.cipher(), id.hash(), phone.masked(),
            phone.cipher(), phone.hash(), null)),
        List.of(), List.of(), null, null, null, null, null, List.of(), List.of(), null, null, List.of(), null);
    return new DocumentInput(file, List.of(), record, SampleCases::unitName, u -> "李信访");
  }

  static CaseEvent record(String element, Map<String, Object> data) {
    return new CaseEvent("XF-20261201-Q8M2N:task-1-record", "XF-20261201-Q8M2N", Instant.parse("2026-12-05T06:00:00Z"),
        CaseEvent.TASK_RECORD, "", "qu-petition", "440306000000", element, "1", "petition-form", data);
  }

  static String unitName(String code) {
    return switch (code) {
      case "440306000000" -> "宝安区";
      case "440306001000" -> "新安街道";
      case "440306001001" -> "海旺社区";
      default -> null;
    };
  }

  private static CaseEvent event(String at, String type, String summary) {
    return new CaseEvent("MD-20261122-7K3QX:" + type + at, "MD-20261122-7K3QX", Instant.parse(at), type, summary, "system",
        "440306001000", null, null, null, null);
  }
}
