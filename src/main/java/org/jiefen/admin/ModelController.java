package org.jiefen.admin;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import org.jiefen.deploy.ModelKind;
import org.jiefen.web.FileProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The workbench for scripts and CI (administrators only): list models and versions, fetch a
 * version, deploy a file (multipart {@code file}; the kind comes from its name, the model from the
 * ids inside it), roll back. The same checks as the browser's deploy apply.
 */
@RestController
@RequestMapping("/api/v1/models")
class ModelController {

  private final Workbench workbench;

  ModelController(Workbench workbench) {
    this.workbench = workbench;
  }

  @GetMapping
  List<Workbench.Entry> list() {
    return workbench.models();
  }

  @GetMapping("/{kind}/{id}")
  Workbench.Entry get(@PathVariable String kind, @PathVariable String id) {
    return workbench.model(ModelKinds.parse(kind), id)
        .orElseThrow(() -> new org.jiefen.web.NotFoundProblem("no model " + id));
  }

  @GetMapping("/{kind}/{id}/versions/{version}")
  ResponseEntity<String> content(@PathVariable String kind, @PathVariable String id, @PathVariable int version) {
    ModelKind k = ModelKinds.parse(kind);
    MediaType type = k == ModelKind.FORM ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_XML;
    return ResponseEntity.ok().contentType(type).body(workbench.content(k, id, version));
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Workbench.Deployed> upload(@RequestParam(name = "file", required = false) MultipartFile file, Principal user)
      throws IOException {
    if (file == null || file.isEmpty()) {
      throw new FileProblem(HttpStatus.BAD_REQUEST, "file", "required", "a .bpmn, .dmn or .form file is required");
    }
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().replaceAll(".*[/\\\\]", "");
    return ResponseEntity.status(HttpStatus.CREATED).body(workbench.upload(name, file.getBytes(), user.getName()));
  }

  @PostMapping("/{kind}/{id}/versions/{version}/rollback")
  ResponseEntity<Workbench.Deployed> rollback(
      @PathVariable String kind, @PathVariable String id, @PathVariable int version, Principal user) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(workbench.rollback(ModelKinds.parse(kind), id, version, user.getName()));
  }

}
