package org.jiefen.units;

import java.util.List;
import jakarta.validation.Valid;
import org.jiefen.web.NotFoundProblem;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/units")
class UnitController {

  private final UnitDirectory units;
  private final UnitEditor editor;

  UnitController(UnitDirectory units, UnitEditor editor) {
    this.units = units;
    this.editor = editor;
  }

  @GetMapping
  List<Unit> list() {
    return units.all();
  }

  @GetMapping("/{code}")
  Unit get(@PathVariable String code) {
    return units.find(code).orElseThrow(() -> new NotFoundProblem("no unit " + code));
  }

  /**
   * Creates a unit or renames an existing one (administrators only), with the rules and audit of
   * {@link UnitEditor}: no moves, levels that fit the parent, departments on their parent's level.
   */
  @PutMapping("/{code}")
  Unit save(@PathVariable String code, @Valid @RequestBody UnitRequest request) {
    return editor.save(code, request);
  }
}
