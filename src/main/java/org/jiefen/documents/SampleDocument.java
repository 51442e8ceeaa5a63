package org.jiefen.documents;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jiefen.cases.CaseAgreement;
import org.jiefen.cases.CaseConfirmation;
import org.jiefen.cases.CaseEvent;
import org.jiefen.cases.CaseFile;

/**
 * An invented case for previews of a document: a wage dispute mediated to an agreement, or a
 * petition. Its parties have masked numbers only and no cipher text, so even the types that carry
 * full identity print nothing but the masked copies, and no real case file is ever read.
 */
final class SampleDocument {

  static final String CASE_ID = "MD-20260105-SAMPLE";
  static final String PETITION_ID = "XF-20260105-SAMPLE";
  private static final Instant OPENED = Instant.parse("2026-01-05T01:30:00Z");
  private static final Instant RECORDED = Instant.parse("2026-01-20T02:30:00Z");
  private static final Instant EFFECTIVE = Instant.parse("2026-01-21T02:00:00Z");

  private SampleDocument() {}

  static DocumentInput input(DocumentType type) {
    return switch (type) {
      case PETITION_ACCEPTANCE, PETITION_NON_ACCEPTANCE, PETITION_OPINION -> petition();
      default -> new DocumentInput(mediation(), List.of(), null, SampleDocument::unitName, u -> "张调解员");
    };
  }

  private static CaseFile mediation() {
    List<CaseFile.StoredParty> parties = List.of(
        new CaseFile.StoredParty("王某某", "applicant", "110105********002X", null, null, "137****5678", null, null, null),
        new CaseFile.StoredParty("某劳务派遣有限公司", "respondent", null, null, null, "138****8000", null, null, null));
    CaseAgreement agreement = new CaseAgreement(
        "申请人自2025年3月起在被申请人处从事仓储搬运工作，被申请人拖欠申请人工资三个月，计人民币18000元。双方对拖欠的事实和数额无异议。",
        "一、被申请人于2026年2月15日前向申请人支付拖欠工资人民币10000元；\n二、被申请人于2026年2月28日前向申请人支付剩余工资人民币8000元。",
        "银行转账。", "2026-02-28", "sample-mediator", "440306001000", RECORDED,
        List.of(new CaseAgreement.Signer("party-0", "申请人 王某某", "2026-01-21", EFFECTIVE),
            new CaseAgreement.Signer("party-1", "被申请人 某劳务派遣有限公司", "2026-01-21", EFFECTIVE),
            new CaseAgreement.Signer("mediator", "人民调解员", "2026-01-21", EFFECTIVE)),
        EFFECTIVE, null);
    CaseConfirmation confirmation =
        new CaseConfirmation("WAITING_APPLICATION", "某某区人民法院", null, null, null, null, null, null, null, EFFECTIVE);
    return new CaseFile(CASE_ID, "SAMPLE01", "mediation", "王某某与某劳务公司拖欠工资纠纷（样例）",
        "拖欠三个月工资共计一万八千元。", "labour", new BigDecimal("18000"), "walk_in", "440306001001",
        List.of("440306000000", "440306001000", "440306001001"), "CLOSED", "TOWN", "440306001000", null, "sample",
        "440306000000", OPENED, EFFECTIVE, parties, List.of(), List.of(), agreement, "agreed", EFFECTIVE, 16, null,
        List.of(), List.of(), confirmation, null, List.of(), null);
  }

  private static DocumentInput petition() {
    CaseFile file = new CaseFile(PETITION_ID, "SAMPLE02", "petition", "反映某公司未缴纳社会保险费问题（样例）",
        "信访人反映其所在公司未为其缴纳社会保险费，要求补缴。", "labour", null, "letter", "440306000000",
        List.of("440306000000"), "OPEN", "COUNTY", "440306000000", null, "sample", "440306000000", OPENED, RECORDED,
        List.of(new CaseFile.StoredParty("王某某", "applicant", "110105********002X", null, null, "137****5678", null,
            null, null)),
        List.of(), List.of(), null, null, null, null, null, List.of(), List.of(), null, null, List.of(), null);
    CaseEvent record = new CaseEvent(PETITION_ID + ":sample-record", PETITION_ID, RECORDED, CaseEvent.TASK_RECORD, "",
        "sample", "440306000000", "Task_Sample", "sample", "sample", Map.of(
            "handlingUnit", "某某区人力资源局", "reason", "所反映事项应当通过劳动人事争议仲裁途径解决。",
            "request", "要求公司补缴社会保险费。", "facts", "经核实，公司自2025年3月起未为信访人缴纳社会保险费。",
            "handlingOutcome", "support", "opinion", "责成公司限期补缴。"));
    return new DocumentInput(file, List.of(), record, SampleDocument::unitName, u -> "李信访");
  }

  private static String unitName(String code) {
    return switch (code) {
      case "440306000000" -> "某某区";
      case "440306001000" -> "某某街道";
      case "440306001001" -> "某某社区";
      default -> null;
    };
  }
}
