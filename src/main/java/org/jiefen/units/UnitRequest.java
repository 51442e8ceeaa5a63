package org.jiefen.units;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A unit as an administrator sends it: the API's body and what the unit form posts. */
record UnitRequest(
    @NotBlank @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code") String code,
    @NotBlank @Size(max = 50) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "must not contain <, > or control characters")
        String name,
    @NotNull UnitLevel level,
    @NotBlank @Size(max = 10) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "must not contain <, > or control characters")
        String levelName,
    @Pattern(regexp = "\\d{12}", message = "must be a 12-digit division code") String parentCode,
    // ADMINISTRATIVE when left out, so clients that predate departments keep working
    UnitType type) {}
