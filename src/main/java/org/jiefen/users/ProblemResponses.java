package org.jiefen.users;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Problem bodies for the refusals Spring Security answers itself, before any controller runs. */
final class ProblemResponses {

  private ProblemResponses() {}

  static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
    return (request, response, e) -> write(json, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in first.");
  }

  static AccessDeniedHandler forbidden(ObjectMapper json) {
    return (request, response, e) -> write(json, response, HttpStatus.FORBIDDEN, "forbidden", "You may not do this.");
  }

  static AccessDeniedHandler badRequest(ObjectMapper json) {
    return (request, response, e) -> write(json, response, HttpStatus.BAD_REQUEST, "invalid-request", "The request URL is not acceptable.");
  }

  private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String type, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:jiefen:problem:" + type));
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    if (status == HttpStatus.UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"jiefen\"");
    }
    json.writeValue(response.getOutputStream(), problem);
  }
}
