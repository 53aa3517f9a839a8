// Canonical bytes of a JSON value: object keys sorted by code unit, no whitespace, strings and
// numbers as JSON.stringify writes them. Both sides sign and verify these bytes, so a file can be
// re-indented by a text editor without breaking its signature but not changed in substance.
export type CanonicalValue =
  null | boolean | number | string | CanonicalValue[] | { [key: string]: CanonicalValue };

function canonicalText(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`Cannot sign a non-finite number at ${path}.`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`Cannot sign a value of type ${typeof value} at ${path}.`);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => canonicalText(item, `${path}[${i}]`)).join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    // An absent optional field and an undefined one are the same to JSON.parse: leave both out.
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalText(v, `${path}.${k}`)}`).join(',')}}`;
}

/** Deterministic JSON text: sorted keys, no whitespace. */
export function canonicalJson(value: unknown): string {
  return canonicalText(value, '$');
}

/** The UTF-8 bytes of canonicalJson(value): what a signature covers. */
export function canonicalBytes(value: unknown): Buffer {
  return Buffer.from(canonicalJson(value), 'utf8');
}
