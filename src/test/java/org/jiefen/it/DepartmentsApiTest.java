package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.jiefen.confirmation.CompetentCourt;
import org.jiefen.mediation.MediationLevels;
import org.jiefen.units.UnitDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Functional departments (职能部门) in the unit tree: the demo's four under 宝安区, the units API that
 * creates more and keeps them on their government's level without units below them, and the walks
 * that must never stop at one (mediation levels, the competent court).
 */
class DepartmentsApiTest extends AppIntegrationTest {

  static final String DISTRICT = "440306000000";

  @Autowired TestRestTemplate rest;
  @Autowired UnitDirectory units;
  @Autowired MediationLevels levels;
  @Autowired CompetentCourt courts;

  @Test
  void theDemoHasFourDepartmentsUnderTheDistrictAndEveryOtherUnitIsAdministrative() {
    JsonNode all = get("intake", "/api/v1/units").getBody();
    List<String> departments = StreamSupport.stream(all.spliterator(), false)
        .filter(u -> u.get("type").asText().equals("DEPARTMENT"))
        .map(u -> u.get("code").asText() + " " + u.get("name").asText())
        .toList();
    assertThat(departments).contains("440306900001 宝安区人力资源局", "440306900002 宝安区住房和建设局",
        "440306900003 宝安区市场监督管理局", "440306900004 宝安区公安分局");
    assertThat(StreamSupport.stream(all.spliterator(), false)
        .filter(u -> u.get("code").asText().equals("440306001001")).findFirst().orElseThrow().get("type").asText())
        .isEqualTo("ADMINISTRATIVE");
    JsonNode renshe = get("intake", "/api/v1/units/440306900001").getBody();
    assertThat(renshe.get("level").asText()).isEqualTo("COUNTY");
    assertThat(renshe.get("parentCode").asText()).isEqualTo(DISTRICT);
    assertThat(renshe.get("path").toString()).isEqualTo("[\"440306000000\",\"440306900001\"]");
    assertThat(renshe.has("department")).as("no derived properties in the API").isFalse();
  }

  @Test
  void theUnitsApiCreatesDepartmentsOnTheirGovernmentsLevelWithNothingBelow() {
    Map<String, Object> department = new HashMap<>(Map.of("code", "440306900009", "name", "宝安区教育局",
        "level", "COUNTY", "levelName", "职能部门", "parentCode", DISTRICT, "type", "DEPARTMENT"));
    assertThat(put("admin", department).getStatusCode().value()).isEqualTo(200);
    assertThat(get("intake", "/api/v1/units/440306900009").getBody().get("type").asText()).isEqualTo("DEPARTMENT");

    Map<String, Object> belowLevel = new HashMap<>(department);
    belowLevel.put("code", "440306900010");
    belowLevel.put("level", "TOWN");
    assertThat(field(put("admin", belowLevel))).isEqualTo("level");

    Map<String, Object> noParent = new HashMap<>(department);
    noParent.put("code", "440306900011");
    noParent.remove("parentCode");
    assertThat(field(put("admin", noParent))).isEqualTo("parentCode");

    Map<String, Object> underDepartment = Map.of("code", "440306900012", "name", "教育局下属单位", "level", "TOWN",
        "levelName", "街道", "parentCode", "440306900009");
    assertThat(field(put("admin", underDepartment))).isEqualTo("parentCode");

    Map<String, Object> nowAdministrative = new HashMap<>(department);
    nowAdministrative.put("type", "ADMINISTRATIVE");
    assertThat(field(put("admin", nowAdministrative))).as("an administrative unit sits below its parent").isEqualTo("level");
    Map<String, Object> renamed = new HashMap<>(department);
    renamed.put("name", "宝安区教育局（更名）");
    assertThat(put("admin", renamed).getStatusCode().value()).isEqualTo(200);

    Map<String, Object> unknownType = new HashMap<>(department);
    unknownType.put("type", "AGENCY");
    assertThat(put("admin", unknownType).getStatusCode().value()).isEqualTo(400);
    assertThat(put("qu-leader", department).getStatusCode().value()).isEqualTo(403);

    // a client that predates types creates administrative units, as before
    Map<String, Object> community = Map.of("code", "440306002003", "name", "新村社区", "level", "VILLAGE",
        "levelName", "社区", "parentCode", "440306002000");
    assertThat(put("admin", community).getBody().get("type").asText()).isEqualTo("ADMINISTRATIVE");
    Map<String, Object> nowDepartment = new HashMap<>(community);
    nowDepartment.put("type", "DEPARTMENT");
    nowDepartment.put("level", "TOWN");
    assertThat(put("admin", nowDepartment).getStatusCode().value()).as("a unit does not change its type").isEqualTo(409);
  }

  @Test
  void aDepartmentIsNeverAMediationLevelNorACourtSeat() {
    assertThat(units.administrative("440306900001")).hasValueSatisfying(u -> assertThat(u.code()).isEqualTo(DISTRICT));
    assertThat(levels.start("440306900001", "VILLAGE").code()).isEqualTo(DISTRICT);
    assertThat(levels.above("440306900001")).isEmpty();
    assertThat(courts.of("440306900004")).hasValueSatisfying(c -> {
      assertThat(c.unitCode()).isEqualTo(DISTRICT);
      assertThat(c.name()).isEqualTo("深圳市宝安区人民法院");
    });
  }

  private ResponseEntity<JsonNode> put(String user, Map<String, Object> unit) {
    return rest.withBasicAuth(user, "demo").exchange("/api/v1/units/" + unit.get("code"), HttpMethod.PUT,
        new HttpEntity<>(unit), JsonNode.class);
  }

  private ResponseEntity<JsonNode> get(String user, String path) {
    return rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
  }

  private static String field(ResponseEntity<JsonNode> response) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(400);
    return response.getBody().get("field").asText();
  }
}
