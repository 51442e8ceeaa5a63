package org.jiefen.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.jiefen.JiefenApplication;
import org.jiefen.deploy.StartupDeployer;
import org.jiefen.search.TestElasticsearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.RestTemplate;

/**
 * The jar in prod mode: wired to an Elasticsearch cluster, an SMTP server and a Camunda cluster by
 * configuration alone, with nothing embedded and no dev endpoints. No cluster runs here, so the
 * engine is reported down; what this checks is that every bean exists in this mode.
 */
class ProdModeWiringTest {

  private ConfigurableApplicationContext app;

  /**
   * With the cluster unreachable, the Camunda 8.8 client's close() could hang for good (a lock
   * leaked by its job streamer, see ClientShutdown); this checks that the whole context closes in
   * time and that the background model deployment stops with it.
   */
  @AfterEach
  void stop() throws InterruptedException {
    if (app != null) {
      StartupDeployer deployer = app.getBean(StartupDeployer.class);
      Thread closing = Thread.ofPlatform().daemon().start(app::close);
      closing.join(Duration.ofSeconds(60));
      assertThat(closing.isAlive()).as("context closed within 60 s").isFalse();
      assertThat(deployer.retrying()).as("deploy retry stopped").isFalse();
    }
  }

  @Test
  void startsAgainstExternalComponentsWithoutLocalParts() throws Exception {
    Map<String, Object> env = new HashMap<>();
    env.put("spring.profiles.active", "prod");
    env.put("server.port", 0);
    env.put("JIEFEN_ES_URL", TestElasticsearch.url());
    env.put("jiefen.elasticsearch.index-prefix", "it-prod-" + AppTestSupport.RUN);
    env.put("JIEFEN_SMTP_HOST", "127.0.0.1");
    env.put("JIEFEN_SMTP_PORT", AppTestSupport.freePort());
    env.put("JIEFEN_PII_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    env.put("JIEFEN_PII_HASH_KEY", Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
        13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}));
    env.put("CAMUNDA_GRPC_ADDRESS", "http://127.0.0.1:" + AppTestSupport.freePort());
    env.put("CAMUNDA_REST_ADDRESS", "http://127.0.0.1:" + AppTestSupport.freePort());
    env.put("jiefen.data-dir", "target/test-data/prod-" + AppTestSupport.RUN);
    // a plaintext cluster without OAuth; the job workers run and fail to reach it, as they would
    env.put("camunda.client.auth.method", "none");
    KeyPair idp = idpKeys();
    env.put("spring.security.oauth2.resourceserver.jwt.public-key-location", "file:" + publicKeyFile(idp));

    app = new SpringApplicationBuilder(JiefenApplication.class)
        .run(AppTestSupport.args(env));

    assertThat(app.getBeanNamesForType(io.camunda.zeebe.process.test.engine.DurableEngine.class)).isEmpty();
    assertThat(app.containsBean("localEngine")).isFalse();
    assertThat(app.containsBean("localElasticsearch")).isFalse();
    assertThat(app.getBeanNamesForType(org.jiefen.mail.LocalMailServer.class)).isEmpty();
    RestTemplate http = new RestTemplateBuilder()
        .rootUri("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port")).build();
    try {
      http.postForEntity("/dev/clock", Map.of("advance", "P1D"), JsonNode.class);
      throw new AssertionError("/dev/clock must not exist in prod mode");
    } catch (HttpClientErrorException e) {
      assertThat(e.getStatusCode()).isIn(HttpStatus.NOT_FOUND, HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
    }
    JsonNode health;
    try {
      health = http.getForObject("/actuator/health", JsonNode.class);
    } catch (HttpServerErrorException e) {
      health = e.getResponseBodyAs(JsonNode.class);
    }
    assertThat(health.at("/components/elasticsearch/status").asText()).isEqualTo("UP");
    assertThat(health.at("/components/engine/status").asText()).isEqualTo("DOWN");

    // An OIDC token's claims carry the user's unit and roles; a token signed by anyone else is refused.
    String token = token(idp.getPrivate(), "oidc-mediator", "440306001001", List.of("mediator"));
    assertThat(bearer(http, token, "/api/v1/tasks").getStatusCode().value()).isEqualTo(200);
    assertThat(bearer(http, token, "/api/v1/users").getStatusCode().value()).isEqualTo(403);
    String admin = token(idp.getPrivate(), "oidc-admin", "440306000000", List.of("ADMIN"));
    assertThat(bearer(http, admin, "/api/v1/users").getStatusCode().value()).isEqualTo(200);
    String forged = token(idpKeys().getPrivate(), "oidc-admin", "440306000000", List.of("ADMIN"));
    ResponseEntity<String> refused = bearer(http, forged, "/api/v1/users");
    assertThat(refused.getStatusCode().value()).isEqualTo(401);
    assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
  }

  private static ResponseEntity<String> bearer(RestTemplate http, String token, String path) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBearerAuth(token);
    try {
      return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    } catch (org.springframework.web.client.HttpStatusCodeException e) {
      return ResponseEntity.status(e.getStatusCode()).headers(e.getResponseHeaders()).body(e.getResponseBodyAsString());
    }
  }

  private static KeyPair idpKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static Path publicKeyFile(KeyPair keys) throws Exception {
    Path file = Files.createTempFile("idp", ".pem");
    Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n");
    return file;
  }

  private static String token(PrivateKey key, String user, String unit, List<String> roles) throws Exception {
    JWTClaimsSet claims = new JWTClaimsSet.Builder()
        .subject(user).claim("preferred_username", user).claim("unit_code", unit).claim("jiefen_roles", roles)
        .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000)).build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
