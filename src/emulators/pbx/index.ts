/**
 * The PortSIP PBX v12 providers (SIP trunks) emulator, from pbx-providers.txt, WIRE-NOTES.md and
 * docs/vendors.md: token login, whole-object validation with `{err_code, msg}` errors, 1-based pages.
 */
import { EmulatorServer, router, type EmulatorResponse, type Handler } from '../shared/harness.js';
import { errorResponse, PbxError } from './errors.js';
import { pbxRoutes } from './routes.js';
import { seedPbx } from './seed.js';
import { PbxState } from './state.js';

export { PBX_ERRORS, PbxError } from './errors.js';
export type { Provider, ProviderFields, SipHeaderParameter } from './provider.js';
export { seedPbx } from './seed.js';
export { PbxState, type SortBy } from './state.js';

/** The `expires` WIRE-NOTES.md shows for a login. */
const DEFAULT_TOKEN_TTL_SECONDS = 600;

export interface PbxEmulatorOptions {
  username: string;
  password: string;
  tokenTtlSeconds?: number;
  seed?: boolean;
  /** Milliseconds clock the tokens age by; tests pass their own to expire tokens without waiting. */
  now?: () => number;
}

/** Off the API altogether, so no PortSIP error body: what the web server in front answers. */
const noSuchPath = (): EmulatorResponse => ({
  status: 404,
  headers: { 'content-type': 'text/plain' },
  body: 'not found',
});
const noSuchMethod = (): EmulatorResponse => ({
  status: 405,
  headers: { 'content-type': 'text/plain' },
  body: 'method not allowed',
});

export function createPbxEmulator(options: PbxEmulatorOptions): { server: EmulatorServer; state: PbxState } {
  const state = new PbxState(options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS, options.now);
  if (options.seed) seedPbx(state);
  const routes = router(pbxRoutes(state, options), noSuchPath, noSuchMethod);
  const handler: Handler = async (req) => {
    try {
      return await routes(req);
    } catch (error) {
      if (error instanceof PbxError) return errorResponse(error);
      throw error;
    }
  };
  return { server: new EmulatorServer('pbx', handler), state };
}
