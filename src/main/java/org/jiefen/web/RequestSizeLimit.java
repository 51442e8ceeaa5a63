package org.jiefen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps API request bodies (JSON has no limit of its own in Spring): a declared length over the
 * cap is refused with 413 before anything is read; a chunked body is cut off when it passes the
 * cap, which also ends in 413. Evidence uploads (multipart) have their own, larger limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

  // Multipart uploads with limits of their own (evidence files; model files, see ModelPreparer).
  private static final java.util.regex.Pattern MULTIPART_UPLOADS =
      java.util.regex.Pattern.compile("/api/v1/cases/[^/]+/evidence|/api/v1/models");

  private final long maxBytes;
  private final ObjectMapper json;

  RequestSizeLimit(@Value("${jiefen.api.max-request-size:1MB}") DataSize max, ObjectMapper json) {
    this.maxBytes = max.toBytes();
    this.json = json;
  }

  /** Thrown when a body without a declared length runs past the cap. */
  static final class TooLarge extends IOException {
    TooLarge() {
      super("request body too large");
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // uploads are multipart, bounded by spring.servlet.multipart and their own limit
    return !request.getRequestURI().startsWith("/api/") || MULTIPART_UPLOADS.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBytes + " bytes.");
      problem.setType(URI.create("urn:jiefen:problem:too-large"));
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType("application/problem+json");
      json.writeValue(response.getOutputStream(), problem);
      return;
    }
    chain.doFilter(new Limited(request, maxBytes), response);
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long max;

    Limited(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > max) {
            throw new TooLarge();
          }
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          if (n > 0 && (read += n) > max) {
            throw new TooLarge();
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
