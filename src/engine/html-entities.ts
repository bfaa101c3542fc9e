/**
 * HTML entities as they survive in copied page source and scraped logs. Only the ones
 * that occur in error text are named; numeric entities cover the rest.
 */
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
  lsquo: "'",
  rsquo: "'",
  ldquo: '"',
  rdquo: '"',
  hellip: '...',
  mdash: '-',
  ndash: '-',
};

const ENTITY = /^&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/;

/** Decodes the entity starting at `text[at]` (which is `&`), or returns null. */
export function decodeHtmlEntity(text: string, at: number): { value: string; length: number } | null {
  const m = ENTITY.exec(text.slice(at, at + 12));
  if (!m) return null;
  const body = m[1];
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return null;
    return { value: String.fromCodePoint(code), length: m[0].length };
  }
  const named = NAMED[body.toLowerCase()];
  return named === undefined ? null : { value: named, length: m[0].length };
}
