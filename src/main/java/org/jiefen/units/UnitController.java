package org.jiefen.units;

import java.util.List;
import org.jiefen.web.NotFoundProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/units")
class UnitController {

  private final UnitDirectory units;

  UnitController(UnitDirectory units) {
    this.units = units;
  }

  @GetMapping
  List<Unit> list() {
    return units.all();
  }

  @GetMapping("/{code}")
  Unit get(@PathVariable String code) {
    return units.find(code).orElseThrow(() -> new NotFoundProblem("no unit " + code));
  }
}
