package org.jiefen.documents;

import static org.jiefen.documents.layout.Markup.escape;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jiefen.cases.CaseAgreement;
import org.jiefen.cases.CaseDocument;
import org.jiefen.cases.CaseEvent;
import org.jiefen.cases.CaseFile;
import org.jiefen.pii.Masking;
import org.jiefen.pii.PiiProtector;

/**
 * Turns a case file into what templates see: strings already in Chinese, dates written out, every
 * value escaped for the markup ({@link org.jiefen.documents.layout.Markup#escape}). Full ID and
 * phone numbers are decrypted only for the types that must carry them.
 *
 * <p>The document's date is taken from the case, never from the clock: when the agreement was
 * recorded, when the task record was made, when the case closed (or last changed).
 */
final class DocumentModel {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  /** The template's variables and the document's date. */
  record Built(Map<String, Object> variables, ZonedDateTime date) {}

  private final DocumentType type;
  private final DocumentInput in;
  private final PiiProtector pii;
  private final String retention;
  private final DocumentClauses clauses;

  private DocumentModel(DocumentType type, DocumentInput in, PiiProtector pii, String retention, DocumentClauses clauses) {
    this.type = type;
    this.in = in;
    this.pii = pii;
    this.retention = retention;
    this.clauses = clauses;
  }

  static Built build(DocumentType type, DocumentInput in, PiiProtector pii, String retention, DocumentClauses clauses) {
    return new DocumentModel(type, in, pii, retention, clauses).build();
  }

  private Built build() {
    CaseFile f = in.file();
    ZonedDateTime date = date().atZone(CHINA);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("doc", Map.of("title", type.title(), "number", escape(type.number(f.id())), "date", day(date)));
    v.put("case", caseVariables(f));
    v.put("agreementNumber", escape(DocumentType.MEDIATION_AGREEMENT.number(f.id())));
    List<Map<String, Object>> parties = parties(f);
    v.put("parties", parties);
    v.put("partyNames", escape(String.join("、", parties.stream().map(p -> (String) p.get("plainName")).toList())));
    v.put("copies", parties.size() + 1);
    String unitCode = f.agreement() != null && f.agreement().unitCode() != null ? f.agreement().unitCode() : f.currentUnitCode();
    String unit = name(in.unitName().apply(unitCode), unitCode);
    v.put("unit", escape(unit));
    v.put("committee", escape(unit + "人民调解委员会"));
    v.put("agreement", f.agreement() == null ? null : agreement(f.agreement()));
    v.put("court", f.confirmation() == null || blank(f.confirmation().court()) ? null : escape(f.confirmation().court()));
    v.put("record", in.record() == null ? Map.of() : escapeAll(in.record().data()));
    v.put("recordDate", in.record() == null ? "" : day(in.record().at().atZone(CHINA)));
    v.put("retention", escape(retention));
    v.put("index", index(f));
    v.put("clauses", clauses());
    return new Built(v, date);
  }

  /** The adaptable clauses by id, escaped like every value: an administrator's text is text, never markup. */
  private Map<String, String> clauses() {
    Map<String, String> m = new LinkedHashMap<>();
    for (DocumentClause clause : DocumentClause.values()) {
      String text = clauses.text(clause);
      m.put(clause.id(), escape(blank(text) ? clause.defaultText() : text));
    }
    return m;
  }

  private Instant date() {
    CaseFile f = in.file();
    CaseAgreement a = f.agreement();
    return switch (type) {
      case MEDIATION_AGREEMENT -> required(a, "an agreement").recorded();
      case CONFIRMATION_APPLICATION -> {
        required(a, "an agreement");
        if (f.confirmation() != null && f.confirmation().applied() != null) {
          yield f.confirmation().applied();
        }
        yield a.effective() != null ? a.effective() : a.recorded();
      }
      case PETITION_ACCEPTANCE, PETITION_NON_ACCEPTANCE, PETITION_OPINION ->
          in.record() != null ? in.record().at() : updated(f);
      case MEDIATION_TERMINATION, CASE_FILE_COVER -> f.closed() != null ? f.closed() : updated(f);
    };
  }

  private Map<String, Object> caseVariables(CaseFile f) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", escape(f.id()));
    c.put("queryCode", escape(f.queryCode()));
    c.put("kind", f.kind());
    c.put("title", escape(f.title()));
    c.put("description", escape(f.description()));
    c.put("category", escape(Labels.category(f.category())));
    c.put("channel", escape(Labels.channel(f.channel())));
    c.put("amount", f.amount() == null ? "" : escape(f.amount().toPlainString()));
    c.put("level", escape(Labels.level(f.level())));
    c.put("outcome", escape(Labels.outcome(f.outcome())));
    c.put("opened", f.created() == null ? "" : day(f.created().atZone(CHINA)));
    c.put("closed", f.closed() == null ? "" : day(f.closed().atZone(CHINA)));
    c.put("registeredUnit", escape(name(in.unitName().apply(f.unitCode()), f.unitCode())));
    return c;
  }

  private List<Map<String, Object>> parties(CaseFile f) {
    List<Map<String, Object>> out = new ArrayList<>();
    List<CaseFile.StoredParty> parties = f.parties() == null ? List.of() : f.parties();
    for (int i = 0; i < parties.size(); i++) {
      CaseFile.StoredParty p = parties.get(i);
      Map<String, Object> m = new LinkedHashMap<>();
      String id = number(p.idCipher(), p.idMasked());
      String phone = number(p.phoneCipher(), p.phoneMasked());
      m.put("index", i + 1);
      m.put("plainName", p.name());
      m.put("name", escape(p.name()));
      m.put("role", escape(Labels.role(p.role())));
      m.put("idNumber", escape(id));
      m.put("phone", escape(phone));
      m.put("email", escape(p.email()));
      m.put("sex", type.fullIdentity() && full(id) ? sex(id) : "");
      m.put("born", type.fullIdentity() && full(id) ? born(id) : "");
      m.put("identity", escape(identity(p, id, phone)));
      out.add(m);
    }
    return out;
  }

  /** "王小明，男，1949年12月31日出生，公民身份号码……，联系电话……" as far as the file knows it. */
  private String identity(CaseFile.StoredParty p, String id, String phone) {
    StringBuilder s = new StringBuilder(p.name());
    if (full(id) && type.fullIdentity()) {
      s.append("，").append(sex(id)).append("，").append(born(id)).append("出生");
    }
    if (!blank(id)) {
      s.append("，公民身份号码").append(id);
    }
    if (!blank(phone)) {
      s.append("，联系电话").append(phone);
    }
    return s.toString();
  }

  /** The full number for documents that carry identity, else the masked copy. */
  private String number(String cipher, String masked) {
    if (type.fullIdentity() && cipher != null) {
      return pii.reveal(cipher);
    }
    return masked;
  }

  private Map<String, Object> agreement(CaseAgreement a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("facts", escape(Masking.maskText(a.facts())));
    m.put("terms", escape(Masking.maskText(a.terms())));
    m.put("performanceMethod", escape(Masking.maskText(a.performanceMethod())));
    m.put("performBy", escape(dateText(a.performBy())));
    m.put("mediator", escape(a.recordedBy() == null ? "" : name(in.userName().apply(a.recordedBy()), "")));
    m.put("recorded", a.recorded() == null ? "" : day(a.recorded().atZone(CHINA)));
    m.put("effective", a.effective() == null ? "" : day(a.effective().atZone(CHINA)));
    return m;
  }

  /** The cover's index: documents (with pages) and timeline events in time order; covers and document events left out. */
  private List<Map<String, Object>> index(CaseFile f) {
    record Entry(Instant at, String title, String pages) {}
    List<Entry> entries = new ArrayList<>();
    for (CaseDocument d : f.documents() == null ? List.<CaseDocument>of() : f.documents()) {
      if (!d.type().equals(DocumentType.CASE_FILE_COVER.id())) {
        entries.add(new Entry(d.generated(), d.title() + "（" + d.number() + "）", Integer.toString(d.pages())));
      }
    }
    for (CaseEvent e : in.timeline() == null ? List.<CaseEvent>of() : in.timeline()) {
      if (!"DOCUMENT_GENERATED".equals(e.type()) && e.at() != null) {
        String text = switch (e.type()) {
          case "CASE_CLOSED" -> Labels.outcome(e.summary());
          case "PROCESS_STARTED" -> Labels.process(e.summary());
          default -> e.summary();
        };
        String summary = blank(text) ? "" : "：" + text;
        entries.add(new Entry(e.at(), Labels.event(e.type()) + summary, "—"));
      }
    }
    entries.sort(java.util.Comparator.comparing(Entry::at, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
    List<Map<String, Object>> out = new ArrayList<>();
    for (Entry e : entries) {
      out.add(Map.of("no", out.size() + 1, "title", escape(Masking.maskText(e.title())),
          "date", e.at() == null ? "" : day(e.at().atZone(CHINA)), "pages", e.pages()));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> escapeAll(Map<String, Object> data) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (data != null) {
      data.forEach((k, value) -> out.put(k, switch (value) {
        case String s -> escape(dateText(s));
        case Map<?, ?> m -> escapeAll((Map<String, Object>) m);
        case List<?> l -> l.stream().map(x -> x instanceof String s ? escape(s) : x).toList();
        case null -> "";
        default -> value;
      }));
    }
    return out;
  }

  /** A form's date ({@code 2026-12-31}) written the Chinese way; other text unchanged. */
  private static String dateText(String value) {
    if (value == null) {
      return "";
    }
    if (value.length() == 10 && value.charAt(4) == '-') {
      try {
        return DAY.format(LocalDate.parse(value));
      } catch (DateTimeParseException e) {
        return value;
      }
    }
    return value;
  }

  /** A whole ID number (not a masked copy, which a party without cipher text has). */
  private static boolean full(String id) {
    return id != null && id.matches("\\d{17}[\\dXx]");
  }

  private static String sex(String id) {
    return (id.charAt(16) - '0') % 2 == 1 ? "男" : "女";
  }

  private static String born(String id) {
    return Integer.parseInt(id.substring(6, 10)) + "年" + Integer.parseInt(id.substring(10, 12)) + "月"
        + Integer.parseInt(id.substring(12, 14)) + "日";
  }

  static String day(ZonedDateTime date) {
    return DAY.format(date);
  }

  private static Instant updated(CaseFile f) {
    return f.updated() != null ? f.updated() : f.created();
  }

  private <T> T required(T value, String what) {
    if (value == null) {
      // a model asked for a document the case cannot have yet: not worth retrying
      throw new IllegalArgumentException("case " + in.file().id() + " has no " + what + " for a " + type.id());
    }
    return value;
  }

  private static String name(String name, String fallback) {
    return blank(name) ? fallback : name;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
