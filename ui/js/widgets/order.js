// @ts-check
/**
 * Reordering the rows of an edited list with up and down buttons (a trip's villages, a permit type's
 * requirements and fields).
 * @module widgets/order
 */

/**
 * A copy of `list` with the item at `index` moved by `delta` places (−1 up, +1 down); unchanged at an end.
 * @template T
 * @param {readonly T[]} list
 * @param {number} index
 * @param {number} delta
 * @returns {T[]}
 */
export function moveItem(list, index, delta) {
  const copy = [...list];
  const to = index + delta;
  if (index < 0 || index >= copy.length || to < 0 || to >= copy.length) return copy;
  const [item] = copy.splice(index, 1);
  copy.splice(to, 0, item);
  return copy;
}
