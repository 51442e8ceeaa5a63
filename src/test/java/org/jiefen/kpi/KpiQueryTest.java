package org.jiefen.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiefen.kpi.KpiFixtures.at;
import static org.jiefen.kpi.KpiFixtures.clock;
import static org.jiefen.kpi.KpiFixtures.day;
import static org.jiefen.kpi.KpiFixtures.mediation;
import static org.jiefen.kpi.KpiFixtures.petition;
import static org.assertj.core.api.Assertions.within;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jiefen.cases.CaseClock;
import org.jiefen.cases.CaseFile;
import org.jiefen.search.ElasticsearchProperties;
import org.jiefen.search.IndexTemplates;
import org.jiefen.search.SearchIndex;
import org.jiefen.search.TestElasticsearch;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitLevel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The KPI figures of a seeded data set on the real Elasticsearch node, each against the value
 * computed by hand below: 30 case files of a street (P) with two communities (A, B), across
 * March and April 2026 (with the Qingming holiday and the spring festival's adjusted Saturday),
 * indexed as the projection will index them (KpiFixtures.document), in an index of their own.
 */
class KpiQueryTest {

  static final String ROOT = "440306000000";
  static final Unit P = new Unit("440306777000", "测试街道", UnitLevel.TOWN, "街道", ROOT, List.of(ROOT, "440306777000"));
  static final Unit A = new Unit("440306777001", "甲社区", UnitLevel.VILLAGE, "社区", P.code(),
      List.of(ROOT, P.code(), "440306777001"));
  static final Unit B = new Unit("440306777002", "乙社区", UnitLevel.VILLAGE, "社区", P.code(),
      List.of(ROOT, P.code(), "440306777002"));
  static final LocalDate FROM = LocalDate.parse("2026-03-01");
  static final LocalDate TO = LocalDate.parse("2026-04-30");
  /** Like the data scope of a user outside a confidential petition's charge. */
  static final Query SCOPE = Query.of(q -> q.bool(b -> b.mustNot(m -> m.term(t -> t.field("petition.confidential").value(true)))));

  static KpiQuery query;
  static KpiReport report;

  @BeforeAll
  static void seed() throws Exception {
    ElasticsearchProperties props = TestElasticsearch.properties("kpi-it-" + Long.toString(System.currentTimeMillis(), 36));
    ElasticsearchClient es = TestElasticsearch.client();
    new IndexTemplates(es, props).apply();
    String index = props.index(SearchIndex.CASE_SEARCH);
    KpiFacts facts = KpiFixtures.facts();
    List<BulkOperation> ops = new ArrayList<>();
    for (CaseFile f : KpiFixtures.seed(P.path(), A.path(), B.path())) {
      Map<String, Object> doc = KpiFixtures.document(f, facts);
      ops.add(BulkOperation.of(o -> o.index(i -> i.index(index).id(f.id()).document(doc))));
    }
    var bulk = es.bulk(b -> b.refresh(Refresh.True).operations(ops));
    assertThat(bulk.errors()).isFalse();
    query = new KpiQuery(es, index, KpiFixtures.SHANGHAI);
    report = query.run(SCOPE, P, List.of(A, B), FROM, TO);
  }

  static KpiReport.Row row(String code) {
    return report.rows().stream().filter(r -> r.unitCode().equals(code)).findFirst().orElseThrow();
  }

  @Test
  void rowsAreTheSubUnitsThenTheStreetsOwnCases() {
    assertThat(report.rows()).extracting(KpiReport.Row::unitCode).containsExactly(A.code(), B.code(), P.code());
    assertThat(report.rows().get(2).own()).isTrue();
    assertThat(report.total().unitCode()).isEqualTo(P.code());
  }

  @Test
  void mediationAtA() {
    KpiReport.Mediation m = row(A.code()).mediation();
    // received = registered 1 Mar .. 30 Apr (Beijing): A1 A2 A3 A4 A5 A7 A8 = 7 (A6, A9 in February, A10 in January)
    assertThat(m.received()).isEqualTo(7);
    // resolved = closed in the period: A1 A2 A3 A4 A6 A7 = 6
    assertThat(m.resolved()).isEqualTo(6);
    // success = agreed / (agreed + terminated) = A1 A2 A4 / (+ A3) = 3 of 4 = 75.0 %
    assertThat(m.agreed()).isEqualTo(3);
    assertThat(m.mediated()).isEqualTo(4);
    assertThat(m.successRate()).isEqualTo(0.75);
    // village share = agreed at VILLAGE / agreed = A1 A4 of 3 = 66.7 %
    assertThat(m.villageShare()).isCloseTo(2.0 / 3, within(1e-9));
    // working days (created day up to closing day, holidays off):
    //   A1 2-6 Mar = 5; A2 3-16 Mar = 10; A3 10-11 Mar = 2;
    //   A4 16 Mar-7 Apr = 5+5+2+3+1 = 16 (4-6 Apr Qingming); A6 26, 27, 28 (worked Saturday) Feb, 2-4 Mar = 6; A7 same day = 0
    //   average 39 / 6 = 6.5; sorted 0 2 5 6 10 16, p90 rank ceil(0.9*6) = 6 -> 16
    assertThat(m.timed()).isEqualTo(6);
    assertThat(m.averageDays()).isEqualTo(6.5);
    assertThat(m.p90Days()).isEqualTo(16);
    // satisfaction (5 + 4 + 3) / 3 = 4.0
    assertThat(m.satisfactionCount()).isEqualTo(3);
    assertThat(m.satisfaction()).isEqualTo(4.0);
    assertThat(row(A.code()).petitions().received()).isZero();
    assertThat(row(A.code()).petitions().timelyAcceptance()).isNull();
  }

  @Test
  void mediationAtB() {
    KpiReport.Mediation m = row(B.code()).mediation();
    // received B1..B6 = 6; resolved B1..B4 = 4 (B6 closed in May)
    assertThat(m.received()).isEqualTo(6);
    assertThat(m.resolved()).isEqualTo(4);
    // success B1 B2 of 4 = 50.0 %; village 2 of 2 = 100 %
    assertThat(m.successRate()).isEqualTo(0.5);
    assertThat(m.villageShare()).isEqualTo(1.0);
    // days: B1 2-3 Mar = 2; B2 9-12 Mar = 4; B3 1, 2, 3, 7, 8, 9 Apr = 6; B4 13-17 Apr = 5
    //   average 17 / 4 = 4.25; sorted 2 4 5 6, rank ceil(3.6) = 4 -> 6
    assertThat(m.averageDays()).isEqualTo(4.25);
    assertThat(m.p90Days()).isEqualTo(6);
    // satisfaction (5 + 4) / 2 = 4.5
    assertThat(m.satisfaction()).isEqualTo(4.5);
  }

  @Test
  void mediationTotal() {
    KpiReport.Mediation m = report.total().mediation();
    // received 7 + 6 = 13, resolved 6 + 4 = 10, success 5 of 8 = 62.5 %, village 4 of 5 = 80 %
    assertThat(m.received()).isEqualTo(13);
    assertThat(m.resolved()).isEqualTo(10);
    assertThat(m.successRate()).isEqualTo(0.625);
    assertThat(m.villageShare()).isEqualTo(0.8);
    // days 0 2 2 4 5 5 6 6 10 16: average 56 / 10 = 5.6; p90 rank 9 -> 10
    assertThat(m.averageDays()).isCloseTo(5.6, within(1e-9));
    assertThat(m.p90Days()).isEqualTo(10);
    // satisfaction (5 + 4 + 3 + 5 + 4) / 5 = 4.2
    assertThat(m.satisfaction()).isCloseTo(4.2, within(1e-9));
  }

  @Test
  void petitionsOfTheStreetsOffice() {
    KpiReport.Petitions p = row(P.code()).petitions();
    // registered in the period: P1..P9 = 9 (P10 confidential, outside the scope; P11 registered in February)
    assertThat(p.received()).isEqualTo(9);
    // acceptance decided or late: P1 P2 P3 P4 P5 P6 P8 P9 = 8 (P7 still within its 15 days);
    //   in time: P1 P4 P5 P6 P8 P9 = 6 (P2 met after its due, P3 overdue) -> 6 / 8 = 75.0 %
    assertThat(p.acceptanceDecided()).isEqualTo(8);
    assertThat(p.timelyAcceptance()).isEqualTo(0.75);
    // replies due: P1 P2 P5 P6 P9 = 5 (P4's handling still runs); all in time: P1 P6 P9 = 3 -> 60.0 %
    //   (P2's handling met late, P5's review met late)
    assertThat(p.answersDue()).isEqualTo(5);
    assertThat(p.onTimeAnswers()).isEqualTo(0.6);
    // rated / rateable: P1 P2 P5 rated; P6 not_rated and P9 closed handled without a rating -> 3 / 5 = 60.0 %
    assertThat(p.rateable()).isEqualTo(5);
    assertThat(p.ratingRate()).isEqualTo(0.6);
    // satisfied (满意 + 基本满意): P1 P5 of 3 rated = 66.7 %
    assertThat(p.satisfaction()).isCloseTo(2.0 / 3, within(1e-9));
    // repeat: P2 P6 of 9 = 22.2 %
    assertThat(p.repeat()).isEqualTo(2);
    assertThat(p.repeatRate()).isCloseTo(2.0 / 9, within(1e-9));
    // overdue: P2 (late), P3 (overdue), P5 (review late), P9 (supervised) = 4
    assertThat(p.overdue()).isEqualTo(4);
  }

  @Test
  void petitionsAtBAndTotal() {
    KpiReport.Petitions b = row(B.code()).petitions();
    // PB1 accepted in time, PB2 met after its due: 1 / 2; PB1's handling overdue: 0 / 1; no ratings
    assertThat(b.received()).isEqualTo(2);
    assertThat(b.timelyAcceptance()).isEqualTo(0.5);
    assertThat(b.onTimeAnswers()).isEqualTo(0.0);
    assertThat(b.ratingRate()).isNull();
    assertThat(b.satisfaction()).isNull();
    assertThat(b.repeatRate()).isEqualTo(0.5);
    assertThat(b.overdue()).isEqualTo(2);
    KpiReport.Petitions t = report.total().petitions();
    // received 9 + 2 = 11; acceptance 7 / 10 = 70 %; answers 3 / 6 = 50 %; rated 3 / 5; satisfied 2 / 3;
    // repeat 3 / 11 = 27.3 %; overdue 4 + 2 = 6
    assertThat(t.received()).isEqualTo(11);
    assertThat(t.timelyAcceptance()).isEqualTo(0.7);
    assertThat(t.onTimeAnswers()).isEqualTo(0.5);
    assertThat(t.ratingRate()).isEqualTo(0.6);
    assertThat(t.satisfaction()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(t.repeatRate()).isCloseTo(3.0 / 11, within(1e-9));
    assertThat(t.overdue()).isEqualTo(6);
  }

  @Test
  void months() {
    // mediation received: March A1 A2 A3 A4 A7 A8 B1 B2 B6 = 9, April A5 B3 B4 B5 = 4
    // mediation resolved: March A1 A2 A3 A6 A7 B1 B2 = 7, April A4 B3 B4 = 3
    // petitions received: March P1..P6 PB1 = 7, April P7 P8 P9 PB2 = 4
    assertThat(report.months()).containsExactly(
        new KpiReport.Month("2026-03", 9, 7, 7),
        new KpiReport.Month("2026-04", 4, 3, 4));
  }

  @Test
  void aUnitWithoutSubUnitsIsOneRowItsOwn() {
    KpiReport onlyA = query.run(SCOPE, A, List.of(), FROM, TO);
    assertThat(onlyA.rows()).hasSize(1);
    assertThat(onlyA.rows().get(0).own()).isTrue();
    assertThat(onlyA.total().mediation().received()).isEqualTo(7);
  }

  @Test
  void oneMonth() {
    KpiReport april = query.run(SCOPE, P, List.of(A, B), LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-30"));
    // April: mediation received A5 B3 B4 B5 = 4, resolved A4 B3 B4 = 3 (A4 agreed, B3 B4 terminated: 1 / 3)
    assertThat(april.total().mediation().received()).isEqualTo(4);
    assertThat(april.total().mediation().resolved()).isEqualTo(3);
    assertThat(april.total().mediation().successRate()).isCloseTo(1.0 / 3, within(1e-9));
    assertThat(april.months()).hasSize(1);
  }

  @Test
  void csvHasTheSameRowsWithABom() {
    KpiExport export = new KpiExport(messages());
    String csv = new String(export.csv(report, Locale.SIMPLIFIED_CHINESE), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF单位代码,单位,人民调解 受理数,");
    List<String> lines = csv.lines().toList();
    assertThat(lines).hasSize(1 + 3 + 1);
    assertThat(lines.get(1)).startsWith("440306777001,甲社区,7,6,75.0%,66.7%,6.5,16,4.00,0,,,,,,0");
    assertThat(lines.get(3)).startsWith("440306777000,测试街道（本级）,0,0,,,,,,9,75.0%,60.0%,60.0%,66.7%,22.2%,4");
    assertThat(lines.get(4)).startsWith(",合计,13,10,62.5%,80.0%,5.6,10,4.20,11,70.0%,50.0%,60.0%,66.7%,27.3%,6");
    String en = new String(export.csv(report, Locale.ENGLISH), StandardCharsets.UTF_8);
    assertThat(en).contains("Mediation Success rate").contains(",Total,");
  }

  @Test
  void xlsxReadsBackWithTheSameFigures() throws Exception {
    byte[] xlsx = new KpiExport(messages()).xlsx(report, Locale.SIMPLIFIED_CHINESE);
    Map<String, String> parts = new TreeMap<>();
    // read through the central directory, as spreadsheet programs do (entries are streamed with data descriptors)
    java.nio.file.Path file = java.nio.file.Files.createTempFile("kpi", ".xlsx");
    java.nio.file.Files.write(file, xlsx);
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
      for (var e : java.util.Collections.list(zip.entries())) {
        parts.put(e.getName(), unescape(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8)));
      }
    } finally {
      java.nio.file.Files.delete(file);
    }
    assertThat(parts.get("xl/workbook.xml")).contains("name=\"人民调解\"").contains("name=\"信访\"");
    List<String> strings = new ArrayList<>();
    Matcher t = Pattern.compile("<t[^>]*>([^<]*)</t>").matcher(parts.getOrDefault("xl/sharedStrings.xml", ""));
    while (t.find()) {
      strings.add(t.group(1));
    }
    Map<String, String> sheet1 = cells(parts.get("xl/worksheets/sheet1.xml"), strings);
    assertThat(sheet1).containsEntry("A1", "单位代码").containsEntry("C1", "受理数").containsEntry("E1", "调解成功率");
    assertThat(sheet1).containsEntry("B2", "甲社区").containsEntry("C2", "7").containsEntry("E2", "0.75")
        .containsEntry("H2", "16").containsEntry("B5", "合计").containsEntry("C5", "13").containsEntry("E5", "0.625");
    Map<String, String> sheet2 = cells(parts.get("xl/worksheets/sheet2.xml"), strings);
    assertThat(sheet2).containsEntry("C4", "9").containsEntry("D4", "0.75").containsEntry("I5", "6");
  }

  /** Cell reference to its text: shared strings resolved, numbers as written. */
  static Map<String, String> cells(String sheetXml, List<String> strings) {
    Map<String, String> out = new TreeMap<>();
    Matcher c = Pattern.compile("<c r=\"([A-Z]+\\d+)\"([^>]*?)(?:/>|>(.*?)</c>)").matcher(sheetXml);
    while (c.find()) {
      String body = c.group(3) == null ? "" : c.group(3);
      Matcher v = Pattern.compile("<v>([^<]*)</v>").matcher(body);
      Matcher is = Pattern.compile("<t[^>]*>([^<]*)</t>").matcher(body);
      String value = v.find() ? v.group(1) : is.find() ? is.group(1) : null;
      if (value != null && c.group(2).contains("t=\"s\"")) {
        value = strings.get(Integer.parseInt(value));
      }
      if (value != null) {
        out.put(c.group(1), value);
      }
    }
    return out;
  }

  /** The XML's character references (fastexcel writes non-ASCII text as &#x..;) as characters. */
  static String unescape(String xml) {
    Matcher m = Pattern.compile("&#x([0-9a-fA-F]+);").matcher(xml);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
    }
    m.appendTail(out);
    return out.toString();
  }

  static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource m = new ResourceBundleMessageSource();
    m.setBasenames("i18n/web/kpi");
    m.setDefaultEncoding("UTF-8");
    m.setFallbackToSystemLocale(false);
    return m;
  }
}
