package org.jiefen.confirmation;

import java.util.Optional;
import org.jiefen.units.Unit;
import org.jiefen.units.UnitDirectory;
import org.jiefen.units.UnitLevel;
import org.springframework.stereotype.Component;

/**
 * The court a joint application goes to by default: the basic people's court where the mediation
 * organisation sits (民事诉讼法 Art. 205), i.e. the court of the county-level unit above (or at) the
 * unit that mediated. The parties may choose the court of a party's residence or of the property
 * instead; the mediator changes the name in the application task. Its court liaisons are the
 * holders of {@code court:<unitCode>}.
 */
@Component
public class CompetentCourt {

  /** The court and the unit whose court liaisons act for it. */
  public record Court(String unitCode, String name) {}

  private final UnitDirectory units;
  private final ConfirmationSettings settings;

  CompetentCourt(UnitDirectory units, ConfirmationSettings settings) {
    this.units = units;
    this.settings = settings;
  }

  public Optional<Court> of(String unitCode) {
    // a department is never the seat: its government unit is
    Optional<Unit> unit = units.administrative(unitCode);
    Unit top = unit.orElse(null);
    while (unit.isPresent() && unit.get().level() != UnitLevel.COUNTY && unit.get().level() != UnitLevel.CITY) {
      top = unit.get();
      unit = units.parent(unit.get());
    }
    Unit seat = unit.orElse(top);
    if (seat == null) {
      return Optional.empty();
    }
    String name = settings.courts().getOrDefault(seat.code(), seat.name() + "人民法院");
    return Optional.of(new Court(seat.code(), name));
  }
}
