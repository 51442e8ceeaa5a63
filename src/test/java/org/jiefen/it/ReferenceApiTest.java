package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The rules the reference pages brought to the API as well (they share one service each): an
 * administrator cannot take the administrator role from themselves, another administrator can; a
 * calendar upload that is not text is refused by its content.
 */
class ReferenceApiTest extends AppIntegrationTest {

  @Autowired TestRestTemplate rest;

  @Test
  void anAdministratorCannotDropTheirOwnAdministratorRole() {
    Map<String, Object> second = user("ref-admin-two", List.of("ADMIN"));
    assertThat(rest.withBasicAuth("admin", "demo").postForEntity("/api/v1/users", second, JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.CREATED);
    TestRestTemplate self = rest.withBasicAuth("ref-admin-two", "ref-admin-password");

    ResponseEntity<JsonNode> refused = put(self, "ref-admin-two", user("ref-admin-two", List.of("SUPERVISOR")));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(refused.getBody().get("field").asText()).isEqualTo("roles");
    assertThat(refused.getBody().get("detail").asText()).contains("cannot take the administrator role from themselves");
    assertThat(roles("ref-admin-two")).isEqualTo("[\"ADMIN\"]");

    // keeping the role while changing the rest is fine; another administrator may take it away
    assertThat(put(self, "ref-admin-two", user("ref-admin-two", List.of("ADMIN", "SUPERVISOR"))).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(put(rest.withBasicAuth("admin", "demo"), "ref-admin-two", user("ref-admin-two", List.of("SUPERVISOR")))
        .getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(roles("ref-admin-two")).isEqualTo("[\"SUPERVISOR\"]");
  }

  @Test
  void aCalendarUploadThatIsNotTextIsRefusedByItsContent() {
    byte[] binary = "2029-10-01,holiday,国庆节\n\u0000\u0001\u0002".getBytes(StandardCharsets.UTF_8);
    ResponseEntity<JsonNode> refused = putCsv(2029, binary);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("field").asText()).isEqualTo("body");
    assertThat(putCsv(2029, new byte[] {(byte) 0xff, (byte) 0xfe, 'x'}).getBody().get("field").asText()).isEqualTo("body");
    ResponseEntity<JsonNode> tooLarge = putCsv(2029, "#".repeat(70_000).getBytes(StandardCharsets.UTF_8));
    assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    assertThat(tooLarge.getBody().get("field").asText()).isEqualTo("body");
    assertThat(rest.withBasicAuth("admin", "demo").getForEntity("/api/v1/calendar/2029", JsonNode.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  private static Map<String, Object> user(String username, List<String> roles) {
    return Map.of("username", username, "displayName", "第二管理员", "unitCode", "440306000000", "roles", roles,
        "password", "ref-admin-password");
  }

  private static ResponseEntity<JsonNode> put(TestRestTemplate as, String username, Map<String, Object> body) {
    return as.exchange("/api/v1/users/" + username, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
  }

  private String roles(String username) {
    return rest.withBasicAuth("admin", "demo").getForObject("/api/v1/users/" + username, JsonNode.class).get("roles").toString();
  }

  private ResponseEntity<JsonNode> putCsv(int year, byte[] body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("text/csv"));
    return rest.withBasicAuth("admin", "demo")
        .exchange("/api/v1/calendar/" + year, HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
  }
}
