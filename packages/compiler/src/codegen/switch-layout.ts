// javac's choice between tableswitch and lookupswitch (Gen.handleSwitch): the table wins when its size
// plus three times its (constant) time cost is no more than the lookup's, counted in 4-byte words.

export type SwitchLayout = { readonly kind: 'table'; readonly low: number; readonly high: number } | { readonly kind: 'lookup' };

export function chooseSwitch(keys: readonly number[]): SwitchLayout {
  if (keys.length === 0) return { kind: 'lookup' };
  let low = Infinity;
  let high = -Infinity;
  for (const k of keys) {
    if (k < low) low = k;
    if (k > high) high = k;
  }
  const tableSpaceCost = 4 + (high - low + 1);
  const tableTimeCost = 3;
  const lookupSpaceCost = 3 + 2 * keys.length;
  const lookupTimeCost = keys.length;
  return tableSpaceCost + 3 * tableTimeCost <= lookupSpaceCost + 3 * lookupTimeCost ? { kind: 'table', low, high } : { kind: 'lookup' };
}
