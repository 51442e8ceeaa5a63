package org.jiefen.documents;

import java.util.Map;

/** Chinese names of the codes a case file stores, as documents print them. */
final class Labels {

  private static final Map<String, String> ROLES =
      Map.of("applicant", "申请人", "respondent", "被申请人", "third_party", "第三人");

  private static final Map<String, String> CATEGORIES = Map.of(
      "neighbour", "邻里纠纷", "family", "婚姻家庭纠纷", "labour", "劳动争议纠纷", "land", "土地纠纷",
      "property_management", "物业纠纷", "consumer", "消费纠纷", "traffic", "交通事故纠纷", "medical", "医疗纠纷",
      "other", "其他纠纷");

  private static final Map<String, String> CHANNELS = Map.ofEntries(
      Map.entry("walk_in", "来访"), Map.entry("hotline_12345", "12345热线"), Map.entry("grid_app", "网格员上报"),
      Map.entry("online", "网上申请"), Map.entry("letter", "来信"), Map.entry("phone", "来电"),
      Map.entry("court", "法院委派"), Map.entry("police", "公安移送"), Map.entry("visit", "走访"), Map.entry("fax", "传真"));

  private static final Map<String, String> OUTCOMES = Map.ofEntries(
      Map.entry("agreed", "调解成功，达成协议"), Map.entry("terminated", "调解终止"), Map.entry("refused", "当事人不同意调解"),
      Map.entry("linked", "并案处理"), Map.entry("handled", "办理完毕（出具处理意见）"), Map.entry("reviewed", "复查完毕"),
      Map.entry("closed_final", "复核终结"), Map.entry("not_accepted", "不予受理"),
      Map.entry("legal_channel", "涉法涉诉，导入法定途径"), Map.entry("referred_to_mediation", "转入人民调解"));

  private static final Map<String, String> LEVELS = Map.of("VILLAGE", "村（社区）", "TOWN", "乡镇（街道）", "COUNTY", "县（区）");

  private static final Map<String, String> EVENTS = Map.ofEntries(
      Map.entry("CASE_REGISTERED", "立案登记"), Map.entry("LEVEL_ENTERED", "进入调解层级"),
      Map.entry("ESCALATED", "升级调解"), Map.entry("TASK_RECORD", "办理记录"), Map.entry("TASK_CREATED", "任务生成"),
      Map.entry("AGREEMENT_RECORDED", "制作调解协议"), Map.entry("AGREEMENT_SIGNED", "调解协议签名"),
      Map.entry("AGREEMENT_EFFECTIVE", "调解协议生效"), Map.entry("CASE_CLOSED", "结案"), Map.entry("CASE_ARCHIVED", "归档"),
      Map.entry("DOCUMENT_GENERATED", "生成文书"), Map.entry("REPEAT_PETITION", "重复信访提示"),
      Map.entry("CLOSED_FINAL_MATTER", "已复核终结事项提示"), Map.entry("PROCESS_STARTED", "启动办理流程"),
      Map.entry("TASK_COMPLETED", "任务办结"), Map.entry("TASK_CANCELED", "任务撤销"),
      Map.entry("PETITION_REFERRED_TO_MEDIATION", "转人民调解"), Map.entry("CLOCK_EXTENSION_REFUSED", "延期申请未获批准"),
      Map.entry("MEDIATOR_CHOSEN", "当事人选定调解员"), Map.entry("MEDIATOR_CHOICE_IGNORED", "当事人选定的调解员未采纳"));

  // the process a PROCESS_STARTED event names by its id
  private static final Map<String, String> PROCESSES = Map.of(
      "Mediation", "人民调解", "Petition", "信访事项办理", "CourtConfirmation", "司法确认", "PetitionSupervision", "督办");

  private Labels() {}

  // Map.of refuses null keys: a code a case does not have (a petition's category) prints as nothing
  static String role(String code) {
    return code == null ? "当事人" : ROLES.getOrDefault(code, "当事人");
  }

  static String category(String code) {
    return code == null ? "" : CATEGORIES.getOrDefault(code, code);
  }

  static String channel(String code) {
    return code == null ? "" : CHANNELS.getOrDefault(code, code);
  }

  static String process(String id) {
    return id == null ? "" : PROCESSES.getOrDefault(id, id);
  }

  static String outcome(String code) {
    return code == null ? "办理中" : OUTCOMES.getOrDefault(code, code);
  }

  static String level(String code) {
    return code == null ? "" : LEVELS.getOrDefault(code, code);
  }

  static String event(String type) {
    return type == null ? "" : EVENTS.getOrDefault(type, type);
  }
}
