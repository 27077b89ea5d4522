/** The Infinity Config API v2 emulator: routes, state, auth, seed. */
import { EmulatorServer, type Handler } from '../shared/harness.js';
import { checkAuth } from './auth.js';
import { errorResponse, handlerFor, infinityRoutes } from './routes.js';
import { seedInfinity, type InfinitySeedOptions } from './seed.js';
import { InfinityState } from './state.js';

export { InfinityState, EmulatorError } from './state.js';
export { seedInfinity, type InfinitySeedOptions } from './seed.js';

export interface InfinityEmulatorOptions {
  username?: string;
  password?: string;
  apiKey?: string;
  /** Domains these credentials may see; others answer 403. */
  allowedDomainIds?: number[];
  seed?: boolean | InfinitySeedOptions;
}

export function createInfinityEmulator(options: InfinityEmulatorOptions = {}): { server: EmulatorServer; state: InfinityState } {
  const state = new InfinityState();
  if (options.seed) seedInfinity(state, options.seed === true ? {} : options.seed);
  const credentials = { username: options.username ?? 'demo', password: options.password ?? 'demo-password', apiKey: options.apiKey };
  const visible = (domainId: number): boolean => !options.allowedDomainIds || options.allowedDomainIds.includes(domainId);
  const routes = handlerFor(infinityRoutes(state, visible));
  const handler: Handler = async (req) => {
    const denied = checkAuth(req, credentials);
    if (denied) return denied;
    try {
      return await routes(req);
    } catch (error) {
      return errorResponse(error);
    }
  };
  return { server: new EmulatorServer('infinity', handler), state };
}
