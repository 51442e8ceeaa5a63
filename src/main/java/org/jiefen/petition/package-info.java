/**
 * Petitions (信访事项, 信访工作条例 2022): what the petition process starts with. Registration itself
 * (kinds, channels, the visit record, accused names as keyed hashes, repeat petitions) is part of
 * {@link org.jiefen.cases}; who may see a petition is {@link org.jiefen.scope.DataScope}'s; the
 * model is processes/petition/ and its job workers are in workers/…/petition.
 */
package org.jiefen.petition;
