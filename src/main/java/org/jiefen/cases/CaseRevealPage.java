package org.jiefen.cases;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case page's "show the full number" action for its session-signed-in users (CSRF-protected):
 * the same request, checks and audit as {@code POST /api/v1/cases/{id}/parties/{index}/reveal},
 * by delegating to it. Failures are problem bodies, shown by the page's island.
 */
@RestController
class CaseRevealPage {

  private final PiiReveal reveal;

  CaseRevealPage(PiiReveal reveal) {
    this.reveal = reveal;
  }

  @PostMapping("/cases/{id}/parties/{index}/reveal")
  ResponseEntity<PiiReveal.Revealed> reveal(@PathVariable String id, @PathVariable int index,
      @Valid @RequestBody PiiReveal.Request request) {
    return reveal.reveal(id, index, request);
  }
}
