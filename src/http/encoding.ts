/** How requests are written on the wire: query strings and form bodies with PHP-style arrays. */

export type QueryValue = string | number | boolean | undefined | null;
/** Query parameters in order; repeated keys (`sort[]`) are repeated pairs. */
export type QueryParams = Array<[string, QueryValue]>;

export function encodeQuery(query: QueryParams | undefined): string {
  if (!query || query.length === 0) return '';
  const parts: string[] = [];
  for (const [key, value] of query) {
    if (value === undefined || value === null) continue;
    const name = encodeURIComponent(key).replace(/%5B/g, '[').replace(/%5D/g, ']');
    parts.push(`${name}=${encodeURIComponent(String(value))}`);
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
