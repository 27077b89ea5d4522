/** Auth schemes shared by the vendor adapters. */
import type { AuthScheme } from './client.js';

export function basicAuth(username: string, password: string): AuthScheme {
  const header = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  return { headers: () => ({ authorization: header }) };
}

export function apiKeyAuth(apiKey: string): AuthScheme {
  return { headers: () => ({ authorization: `ApiKey ${apiKey}` }) };
}

/** A bearer-like token in a header, obtained and renewed by `obtain`. */
export function headerTokenAuth(headerName: string, token: { current(): Promise<string>; invalidate(): void }): AuthScheme {
  return {
    headers: async () => ({ [headerName]: await token.current() }),
    onUnauthorized: () => {
      token.invalidate();
      return true;
    },
  };
}
