package org.jiefen.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads archived cases for the search and KPI benchmarks straight into the archive index of an
 * Elasticsearch node (bulk, no app in between): realistic Chinese titles and texts, 3–5 parties,
 * 20 timeline events, clocks, documents, outcomes and levels spread like a district's year, over
 * the demo unit tree so the KPI page has sub-units to compare. The app's reindex then builds the
 * search index from these records with the real projection ({@code POST /api/v1/search/reindex}).
 * Deterministic: the same seed gives the same cases.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.jiefen.bench.ArchiveGenerator
 *   [-Dbench.es=http://127.0.0.1:9250] [-Dbench.prefix=jiefen] [-Dbench.cases=1000000] [-Dbench.seed=8]</pre>
 */
public final class ArchiveGenerator {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

  static final String COUNTY = "440306000000";
  static final String[][] VILLAGES = {
      {"440306001001", "440306001000"}, {"440306001002", "440306001000"},
      {"440306002001", "440306002000"}, {"440306002002", "440306002000"}};
  static final String[] DEPARTMENTS = {"440306900001", "440306900002", "440306900003", "440306900004"};

  private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");
  private static final String[] GIVEN = "建国伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰志强海燕春梅晓东文博子涵雨欣浩然俊杰思远嘉怡梓轩一鸣国庆红梅丽华德明永强金凤淑珍".split("");
  private static final String[] COMPANIES = {"深圳某建筑工程有限公司", "宝安某物业管理有限公司", "某电子科技有限公司", "某餐饮管理有限公司",
      "某装饰工程有限公司", "某物流有限公司", "某房地产开发有限公司", "某商贸有限公司", "某汽车服务有限公司", "某家具制造厂"};
  private static final String[] PLACES = {"海旺社区", "灵芝社区", "固戍社区", "盐田社区", "新安街道", "西乡街道", "宝城三区", "翻身路",
      "前进二路", "宝安大道", "流塘村", "臣田工业区", "固戍一路", "新湖路"};

  /** Per category: title patterns ({p}/{q} party names, {c} a company, {x} a place) and description sentences. */
  private static final String[][] TITLES = {
      {"labour", "{p}与{c}拖欠工资纠纷", "{p}等{n}人追讨劳动报酬纠纷", "{p}与{c}工伤赔偿纠纷", "{p}与{c}解除劳动合同经济补偿纠纷"},
      {"neighbour", "{p}与{q}邻里漏水纠纷", "{x}{p}与{q}装修噪音纠纷", "{p}与{q}通道占用纠纷", "{p}与{q}宠物伤人纠纷"},
      {"family", "{p}与{q}婚姻家庭纠纷", "{p}与{q}赡养费纠纷", "{p}与{q}遗产继承纠纷", "{p}与{q}抚养费纠纷"},
      {"land", "{p}与{q}宅基地界址纠纷", "{x}土地承包经营权纠纷", "{p}与{x}股份合作公司分红纠纷", "{p}与{q}山林权属纠纷"},
      {"property_management", "{p}与{c}物业费纠纷", "{x}业主与{c}停车管理纠纷", "{p}与{c}电梯维修纠纷", "{x}小区公共收益纠纷"},
      {"consumer", "{p}与{c}消费退款纠纷", "{p}与{c}预付卡退费纠纷", "{p}与{c}商品质量纠纷", "{p}与{c}培训费退费纠纷"},
      {"traffic", "{p}与{q}交通事故赔偿纠纷", "{p}与{c}电动车碰撞纠纷", "{x}路口交通事故损害赔偿纠纷"},
      {"medical", "{p}与{x}社康中心医疗纠纷", "{p}与某诊所诊疗费用纠纷", "{p}与某医院医疗损害赔偿纠纷"},
      {"other", "{p}与{q}借款纠纷", "{p}与{c}租赁合同纠纷", "{x}{p}房屋租赁押金纠纷"}};
  /**
   * Procedural sentences any case's file may hold. Topical words (wages, leaks, noise, ...) are
   * kept out of them, so a topical search matches the cases of that topic, as in a real archive,
   * and not every case whose timeline happened to draw the sentence.
   */
  private static final String[] SENTENCES = {
      "当事人情绪较为激动，要求尽快解决。", "双方对损失金额存在较大分歧。", "被申请人表示愿意协商，但认为申请人主张的金额过高。",
      "调解员实地查看了现场并听取了周边住户意见。", "经调解员释法明理，双方同意各让一步。", "该纠纷已持续半年以上，曾向街道反映。",
      "双方均同意通过人民调解解决争议。", "已电话告知当事人调解的时间和地点。", "当事人提交了身份证明和相关书面材料。",
      "调解员向双方讲解了相关法律规定。", "一方当事人未按约定时间到场，另行约定时间。", "信访人对此前的处理意见不服，申请复查。"};
  /** Per category (in the order of {@link #TITLES}): sentences about the matter itself. */
  private static final String[][] TOPICAL = {
      {"申请人称被申请人拖欠其工资共计{m}元，多次催讨未果。", "申请人提供了工资条、考勤记录和聊天记录作为证据。",
          "信访人反映其所在单位未为其缴纳社会保险费，要求补缴。", "被申请人称资金周转困难，请求分期支付。",
          "涉及人数较多，存在一定的群体性风险。", "申请人在工作中受伤，要求单位支付工伤赔偿。"},
      {"双方因{x}一带的房屋漏水问题多次发生争执，社区网格员上报。", "信访人反映小区周边工地夜间施工噪音扰民。",
          "楼上住户装修噪音影响休息，多次沟通无果。", "一方在公共通道堆放杂物，影响他人通行。"},
      {"老人反映子女未按约定支付赡养费。", "双方就子女抚养费的数额和支付方式存在争议。", "兄弟姐妹之间就遗产分割产生矛盾。",
          "双方因家庭琐事长期不和，要求调解。"},
      {"信访人对征地补偿标准有异议，要求重新核定。", "双方对宅基地界址存在争议，各执一词。", "信访人要求有关部门依法查处违法建筑。",
          "涉及人数较多，存在一定的群体性风险。", "村民对股份合作公司的分红方案有异议。"},
      {"业主认为物业服务不到位，拒交物业费。", "小区电梯多次故障，业主要求维修并公开维修资金的使用情况。", "业主对停车管理和收费标准有异议。",
          "业主要求公开小区公共收益的收支情况。"},
      {"申请人要求退还预付卡余额{m}元。", "商家以已开卡为由拒绝退款。", "申请人认为所购商品存在质量问题，要求退货退款。",
          "培训机构停业后，学员要求退还培训费。"},
      {"双方因交通事故责任认定和赔偿金额产生争议。", "申请人要求赔偿医疗费、误工费共计{m}元。", "交警部门已出具道路交通事故认定书。",
          "电动车与行人碰撞，双方对责任划分有分歧。"},
      {"申请人认为医院诊疗存在过错，要求赔偿。", "申请人要求赔偿医疗费、误工费共计{m}元。", "双方对诊疗费用的结算存在争议。",
          "患者家属情绪激动，曾在医院聚集。"},
      {"申请人称被申请人借款{m}元逾期未还，多次催讨未果。", "双方就房屋租赁押金的退还产生争议。", "被申请人称资金周转困难，请求分期支付。",
          "租赁合同到期后，双方对房屋损坏的赔偿有分歧。"}};
  private static final String[] EVENTS = {
      "登记受理", "分派至社区调解委员会", "指定调解员", "电话联系当事人", "首次调解", "调取证据材料", "实地走访",
      "第二次调解", "征求双方意见", "法律咨询", "背对背调解", "召开调解会", "起草调解协议", "双方签字确认", "履行情况跟进",
      "回访当事人", "材料归档整理", "负责人审核", "告知权利义务", "结案"};

  private ArchiveGenerator() {}

  public static void main(String[] args) throws Exception {
    String es = System.getProperty("bench.es", "http://127.0.0.1:9250");
    String prefix = System.getProperty("bench.prefix", "jiefen");
    long total = Long.getLong("bench.cases", 1_000_000L);
    long seed = Long.getLong("bench.seed", 8L);
    int threads = Integer.getInteger("bench.threads", 2);
    int batch = Integer.getInteger("bench.batch", 1000);
    String index = prefix + "-archive";
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    ensureIndex(http, es, index);

    long t0 = System.nanoTime();
    AtomicLong done = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> parts = new ArrayList<>();
    long per = (total + threads - 1) / threads;
    for (int t = 0; t < threads; t++) {
      long from = t * per;
      long to = Math.min(total, from + per);
      parts.add(pool.submit(() -> {
        StringBuilder body = new StringBuilder(batch * 6000);
        int inBody = 0;
        for (long i = from; i < to; i++) {
          ObjectNode record = record(i, new SplittableRandom(seed * 1_000_003L + i));
          body.append("{\"index\":{\"_id\":\"").append(record.get("caseId").asText()).append("\"}}\n")
              .append(record).append('\n');
          if (++inBody == batch || i == to - 1) {
            bulk(http, es, index, body.toString());
            body.setLength(0);
            long n = done.addAndGet(inBody);
            inBody = 0;
            if (n % 50_000 < batch) {
              System.out.printf("%,d records, %.0f/s%n", n, n / ((System.nanoTime() - t0) / 1e9));
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> part : parts) {
      part.get();
    }
    pool.shutdown();
    send(http, HttpRequest.newBuilder(URI.create(es + "/" + index + "/_refresh")).POST(HttpRequest.BodyPublishers.noBody()));
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("loaded %,d archive records in %.0f s (%.0f/s)%n", done.get(), seconds, done.get() / seconds);
    System.out.println(send(http, HttpRequest.newBuilder(URI.create(es + "/_cat/indices/" + prefix + "-*?v&s=index&h=index,docs.count,store.size")).GET()));
  }

  /** One archived case: the record's top-level facts, the case file at closing and its timeline. */
  static ObjectNode record(long n, SplittableRandom r) {
    boolean petition = r.nextInt(100) < 30;
    int topic = r.nextInt(TITLES.length);
    String[] cat = TITLES[topic];
    String[] topical = TOPICAL[topic];
    String category = cat[0];
    LocalDate day = LocalDate.of(2021, 1, 1).plusDays(r.nextInt(6 * 365 - 60));
    Instant created = day.atTime(8 + r.nextInt(10), r.nextInt(60)).atZone(CHINA).toInstant();
    String id = (petition ? "XF-" : "MD-") + day.toString().replace("-", "") + "-" + code(n, 5, r);
    String[] village = VILLAGES[r.nextInt(VILLAGES.length)];
    String unit;
    List<String> path = new ArrayList<>();
    path.add(COUNTY);
    if (petition) {
      unit = r.nextBoolean() ? COUNTY : DEPARTMENTS[r.nextInt(DEPARTMENTS.length)];
      if (!unit.equals(COUNTY)) {
        path.add(unit);
      }
    } else {
      unit = village[0];
      path.add(village[1]);
      path.add(village[0]);
    }
    List<String> names = new ArrayList<>();
    int parties = 3 + r.nextInt(3);
    for (int i = 0; i < parties; i++) {
      names.add(i == 1 && !petition && r.nextInt(3) == 0 ? COMPANIES[r.nextInt(COMPANIES.length)] : person(r));
    }
    String title = fill(cat[1 + r.nextInt(cat.length - 1)], names, r);
    StringBuilder description = new StringBuilder();
    for (int i = 0, k = 1 + r.nextInt(2); i < k; i++) {
      description.append(fill(topical[r.nextInt(topical.length)], names, r));
    }
    for (int i = 0, k = 1 + r.nextInt(3); i < k; i++) {
      description.append(fill(SENTENCES[r.nextInt(SENTENCES.length)], names, r));
    }

    String outcome;
    String level;
    int days;
    if (petition) {
      int o = r.nextInt(100);
      outcome = o < 60 ? "handled" : o < 70 ? "not_accepted" : o < 80 ? "legal_channel" : o < 85 ? "referred_to_mediation"
          : o < 95 ? "reviewed" : "closed_final";
      level = null;
      days = 10 + r.nextInt(80);
    } else {
      int o = r.nextInt(100);
      outcome = o < 65 ? "agreed" : o < 85 ? "terminated" : o < 95 ? "refused" : "linked";
      int l = r.nextInt(100);
      level = l < 60 ? "VILLAGE" : l < 85 ? "TOWN" : "COUNTY";
      days = 1 + (int) Math.min(89, Math.abs(r.nextGaussian() * 8 + 4));
    }
    Instant closed = created.plus(Duration.ofDays(days)).plusSeconds(r.nextInt(36_000));
    Instant archivedAt = closed.plusSeconds(5);

    ObjectNode file = JSON.createObjectNode();
    file.put("id", id);
    // 1,000,003 is prime to 31: a bijection on codes of 8 characters
    file.put("queryCode", code(Math.floorMod(n * 1_000_003L + 7, 852_891_037_441L), 8, r));
    file.put("kind", petition ? "petition" : "mediation");
    file.put("title", title);
    file.put("description", description.toString());
    file.put("category", category);
    if (!petition && r.nextBoolean()) {
      file.put("amount", 1000 + r.nextInt(200) * 500);
    }
    String[] channels = petition ? new String[] {"letter", "visit", "online", "phone", "hotline_12345"}
        : new String[] {"walk_in", "hotline_12345", "grid_app", "online", "court", "police"};
    file.put("channel", channels[r.nextInt(channels.length)]);
    file.put("unitCode", unit);
    ArrayNode unitPath = file.putArray("unitPath");
    path.forEach(unitPath::add);
    file.put("status", "CLOSED");
    if (level != null) {
      file.put("level", level);
    }
    file.put("currentUnitCode", level == null ? unit : "TOWN".equals(level) ? village[1] : "COUNTY".equals(level) ? COUNTY : unit);
    file.put("createdBy", "intake");
    file.put("createdByUnit", unit);
    file.put("created", created.toString());
    file.put("updated", archivedAt.toString());
    ArrayNode ps = file.putArray("parties");
    for (int i = 0; i < names.size(); i++) {
      ObjectNode p = ps.addObject();
      p.put("name", names.get(i));
      p.put("role", i == 0 ? (petition ? "petitioner" : "applicant") : petition ? "petitioner" : i == 1 ? "respondent" : "third_party");
      if (!names.get(i).endsWith("公司") && !names.get(i).endsWith("厂")) {
        p.put("idMasked", "4403**********" + (1000 + r.nextInt(9000)));
        p.put("idHash", hex(r, 32));
        p.put("phoneMasked", "138****" + (1000 + r.nextInt(9000)));
        p.put("phoneHash", hex(r, 32));
      }
    }
    file.put("outcome", outcome);
    file.put("closed", closed.toString());
    file.put("durationDays", days);
    if (!petition && r.nextInt(100) < 70) {
      file.put("satisfaction", 3 + r.nextInt(3) - (r.nextInt(10) == 0 ? 2 : 0));
    }
    ArrayNode docs = file.putArray("documents");
    String[] types = petition ? new String[] {"petition-acceptance-notice", "petition-opinion"}
        : "agreed".equals(outcome) ? new String[] {"mediation-application", "mediation-record", "mediation-agreement"}
        : new String[] {"mediation-application", "mediation-record", "mediation-termination"};
    for (String type : types) {
      ObjectNode d = docs.addObject();
      d.put("type", type);
      d.put("title", type);
      d.put("number", id + "-" + type.substring(0, 2).toUpperCase());
      d.put("sha256", hex(r, 64));
      d.put("size", 60_000 + r.nextInt(40_000));
      d.put("pages", 1 + r.nextInt(3));
      d.put("generated", closed.minusSeconds(3600).toString());
      d.put("generatedBy", "system");
    }
    ArrayNode clocks = file.putArray("clocks");
    if (petition) {
      boolean lateAcceptance = r.nextInt(100) < 4;
      clock(clocks, "petition-acceptance-notice", "15d", created, 15, lateAcceptance ? 17 : 1 + r.nextInt(14));
      if ("handled".equals(outcome) || "reviewed".equals(outcome) || "closed_final".equals(outcome)) {
        boolean late = r.nextInt(100) < 7;
        clock(clocks, "petition-handling", "60d", created.plus(Duration.ofDays(5)), 60, late ? 63 : Math.min(days, 59));
      }
      ObjectNode pet = file.putObject("petition");
      String[] kinds = {"claim", "suggestion", "report"};
      String kind = kinds[r.nextInt(10) < 7 ? 0 : r.nextInt(10) < 7 ? 1 : 2];
      pet.put("petitionKind", kind);
      pet.put("confidential", "report".equals(kind));
      pet.put("handlingUnitCode", unit);
      pet.putArray("supervisions");
      pet.putArray("objections");
      pet.putArray("accusedHashes");
      int rating = r.nextInt(100);
      if (rating < 75) {
        pet.put("rating", rating < 55 ? "satisfied" : rating < 68 ? "basically_satisfied" : "dissatisfied");
      }
      pet.put("closedFinal", "closed_final".equals(outcome));
      if (r.nextInt(100) < 8) {
        file.putArray("links").add("XF-" + day.minusDays(90).toString().replace("-", "") + "-" + code(n + 17, 5, r));
      }
    }
    file.put("archivedAt", archivedAt.toString());

    ArrayNode timeline = JSON.createArrayNode();
    long span = Duration.between(created, closed).getSeconds();
    for (int i = 0; i < EVENTS.length; i++) {
      ObjectNode e = timeline.addObject();
      e.put("id", id + "-E" + i);
      e.put("caseId", id);
      e.put("at", created.plusSeconds(span * i / EVENTS.length).toString());
      e.put("type", i == 0 ? "CASE_REGISTERED" : i == EVENTS.length - 1 ? "CASE_CLOSED" : "TASK_RECORD");
      String[] pool = r.nextInt(100) < 30 ? topical : SENTENCES;
      e.put("summary", EVENTS[i] + "：" + fill(pool[r.nextInt(pool.length)], names, r));
      e.put("actor", i == 0 ? "intake" : "mediator");
      e.put("unitCode", unit);
    }

    ObjectNode record = JSON.createObjectNode();
    record.put("caseId", id);
    record.put("kind", file.get("kind").asText());
    record.put("outcome", outcome);
    if (level != null) {
      record.put("level", level);
    }
    record.put("unitCode", unit);
    record.set("unitPath", unitPath.deepCopy());
    record.put("created", created.toString());
    record.put("closed", closed.toString());
    record.put("archivedAt", archivedAt.toString());
    ObjectNode retention = record.putObject("retention");
    retention.put("period", petition ? "P30Y" : "P10Y");
    retention.put("expiresOn", closed.atZone(CHINA).toLocalDate().plusYears(petition ? 30 : 10).toString());
    ObjectNode bundle = record.putObject("bundle");
    bundle.put("sha256", hex(r, 64));
    bundle.put("pages", 4 + r.nextInt(8));
    bundle.put("bytes", 200_000 + r.nextInt(300_000));
    record.set("file", file);
    record.set("timeline", timeline);
    return record;
  }

  private static void clock(ArrayNode clocks, String id, String length, Instant start, int dueDays, int tookDays) {
    ObjectNode c = clocks.addObject();
    c.put("id", id);
    c.put("label", id);
    c.put("length", length);
    c.put("start", start.toString());
    Instant due = start.plus(Duration.ofDays(dueDays));
    c.put("warnAt", due.minus(Duration.ofDays(3)).toString());
    c.put("due", due.toString());
    Instant ended = start.plus(Duration.ofDays(tookDays));
    c.put("state", tookDays > dueDays ? "EXPIRED" : "MET");
    c.put("ended", ended.toString());
    c.putArray("pauses");
    c.putArray("extensions");
  }

  private static String fill(String pattern, List<String> names, SplittableRandom r) {
    return pattern.replace("{p}", names.get(0)).replace("{q}", names.get(1 % names.size()))
        .replace("{c}", COMPANIES[r.nextInt(COMPANIES.length)]).replace("{x}", PLACES[r.nextInt(PLACES.length)])
        .replace("{n}", String.valueOf(3 + r.nextInt(20))).replace("{m}", String.valueOf(2000 + r.nextInt(98) * 1000));
  }

  private static String person(SplittableRandom r) {
    String given = GIVEN[r.nextInt(GIVEN.length)] + (r.nextBoolean() ? GIVEN[r.nextInt(GIVEN.length)] : "");
    return SURNAMES[r.nextInt(SURNAMES.length)] + given;
  }

  /** A code of the case's alphabet made from n alone, so distinct n give distinct codes (n < 31^length). */
  private static String code(long n, int length, SplittableRandom r) {
    StringBuilder out = new StringBuilder(length);
    long v = n;
    for (int i = 0; i < length; i++) {
      out.append(ALPHABET.charAt((int) (v % ALPHABET.length())));
      v /= ALPHABET.length();
    }
    return out.toString();
  }

  private static String hex(SplittableRandom r, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(Character.forDigit(r.nextInt(16), 16));
    }
    return out.toString();
  }

  private static void ensureIndex(HttpClient http, String es, String index) throws Exception {
    var head = http.send(HttpRequest.newBuilder(URI.create(es + "/" + index)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.discarding());
    if (head.statusCode() == 200) {
      return;
    }
    String mapping;
    try (InputStream in = ArchiveGenerator.class.getResourceAsStream("/elasticsearch/archive.json")) {
      mapping = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String body = "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},\"mappings\":" + mapping + "}";
    send(http, HttpRequest.newBuilder(URI.create(es + "/" + index)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static void bulk(HttpClient http, String es, String index, String body) {
    for (int attempt = 1; ; attempt++) {
      try {
        String answer = send(http, HttpRequest.newBuilder(URI.create(es + "/" + index + "/_bulk"))
            .header("Content-Type", "application/x-ndjson").timeout(Duration.ofMinutes(2))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (answer.startsWith("{\"errors\":true") || answer.contains("\"errors\":true")) {
          throw new IllegalStateException("bulk had errors: " + answer.substring(0, Math.min(500, answer.length())));
        }
        return;
      } catch (Exception e) {
        if (attempt == 5) {
          throw new IllegalStateException(e);
        }
        try {
          Thread.sleep(2000L * attempt);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(ie);
        }
      }
    }
  }

  private static String send(HttpClient http, HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
