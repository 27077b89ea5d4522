/** The Infinity Config API v2 (SIP) emulator: state, seed, auth and the 43 documented operations. */
import { EmulatorServer } from '../shared/harness.js';
import { InfinityAuth } from './auth.js';
import { infinityHandler, infinityRoutes } from './routes.js';
import { seedInfinity, type InfinitySeedOptions } from './seed.js';
import { InfinityState } from './state.js';

export { InfinityError } from './errors.js';
export { ALL_OPERANDS, DOCUMENTED_OPERANDS } from './listing.js';
export { seedInfinity, type InfinitySeedOptions } from './seed.js';
export {
  InfinityState,
  RING_STRATEGIES,
  type Domain,
  type Group,
  type PbxDevice,
  type Queue,
  type QueueMember,
  type RingStrategy,
  type TrustedNetwork,
  type User,
} from './state.js';

export interface InfinityEmulatorOptions {
  /** Basic auth; defaults demo / demo-password. */
  username?: string;
  password?: string;
  /** Accepted as `Authorization: ApiKey <key>`; ApiKey auth is refused without one. */
  apiKey?: string;
  /** Domains the credentials may use (others that exist answer 403); all when absent. */
  allowedDomainIds?: number[];
  /**
   * `filter[]` operands offered beyond the documented `eq` (WIRE-NOTES.md), e.g. ALL_OPERANDS;
   * any other operand is a 400.
   */
  filterOperands?: readonly string[];
  /** true for the default seed, options to scale it; no data when absent. */
  seed?: boolean | InfinitySeedOptions;
}

/** The server is not started: `await server.start()` gives the base URL; the API is under `${base}/config/v2/sip`. */
export function createInfinityEmulator(options: InfinityEmulatorOptions = {}): {
  server: EmulatorServer;
  state: InfinityState;
} {
  const state = new InfinityState();
  if (options.seed) seedInfinity(state, options.seed === true ? {} : options.seed);
  const auth = new InfinityAuth({
    username: options.username ?? 'demo',
    password: options.password ?? 'demo-password',
    apiKey: options.apiKey,
    allowedDomainIds: options.allowedDomainIds,
  });
  const serve = infinityHandler(infinityRoutes(state, auth, { filterOperands: options.filterOperands }));
  const server = new EmulatorServer('infinity', (req) => auth.reject(req) ?? serve(req));
  return { server, state };
}
