/** How requests are written on the wire: query strings and form bodies with PHP-style arrays. */

export type QueryValue = string | number | boolean | undefined | null;
/** Query parameters in order; repeated keys (`sort[]`) are repeated pairs. */
export type QueryParams = Array<[string, QueryValue]>;

/** Parameter names come from the adapters' code, a few dozen at most: each is encoded once. */
const encodedNames = new Map<string, string>();
const MAX_ENCODED_NAMES = 1_000;

function encodedName(key: string): string {
  let name = encodedNames.get(key);
  if (name === undefined) {
    name = encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']');
    if (encodedNames.size < MAX_ENCODED_NAMES) encodedNames.set(key, name);
  }
  return name;
}

export function encodeQuery(query: QueryParams | undefined): string {
  if (!query || query.length === 0) return '';
  const parts: string[] = [];
  for (const [key, value] of query) {
    if (value === undefined || value === null) continue;
    parts.push(`${encodedName(key)}=${encodeURIComponent(String(value))}`);
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** `application/x-www-form-urlencoded` with PHP-style arrays (`name[]=1&name[]=2`). */
export function encodeForm(fields: Record<string, QueryValue | QueryValue[]>): string {
  const pairs: QueryParams = [];
  for (const [key, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const item of value) pairs.push([`${key}[]`, item]);
    else pairs.push([key, value]);
  }
  return encodeQuery(pairs).slice(1);
}
