/** Basic (v2) or `ApiKey` (v2.1) credentials; optionally limited to some domains (403 for others). */
import type { EmulatorRequest, EmulatorResponse } from '../shared/harness.js';

export interface InfinityCredentials {
  username: string;
  password: string;
  apiKey?: string;
}

export function checkAuth(req: EmulatorRequest, credentials: InfinityCredentials): EmulatorResponse | undefined {
  const header = String(req.headers.authorization ?? '');
  const basic = /^Basic\s+(.+)$/i.exec(header);
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    if (decoded === `${credentials.username}:${credentials.password}`) return undefined;
  }
  const apiKey = /^ApiKey\s+(.+)$/i.exec(header);
  if (apiKey && credentials.apiKey && apiKey[1] === credentials.apiKey) return undefined;
  return {
    status: 401,
    headers: { 'www-authenticate': 'Basic realm="Infinity"' },
    body: { message: header ? 'invalid credentials' : 'authentication required' },
  };
}
