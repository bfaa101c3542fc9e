/**
 * Ids of the bundled knowledge entries, for checking custom signatures against them
 * (`related` may point at one; a custom id may not take one).
 */
import signatures from '../knowledge/generated/signatures.json';

let ids: ReadonlySet<string> | undefined;

export function getBundledIds(): ReadonlySet<string> {
  ids ??= new Set((signatures as Array<{ id: string }>).map((s) => s.id));
  return ids;
}
