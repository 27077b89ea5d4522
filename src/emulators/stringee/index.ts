/**
 * The Stringee REST `/v1/sipphone` emulator, from stringee-sipphone.txt, WIRE-NOTES.md and
 * docs/vendors.md: one project's SIP phones behind a REST JWT that is really verified.
 */
import { EmulatorServer, router, type EmulatorResponse, type Handler } from '../shared/harness.js';
import { restTokenCheck } from './auth.js';
import { refused, StringeeError } from './results.js';
import { stringeeRoutes } from './routes.js';
import { seedStringee } from './seed.js';
import { StringeeState } from './state.js';

export { DEFAULT_RESULT_CODES, RESULTS, StringeeError, type ResultCodes } from './results.js';
export { seedStringee } from './seed.js';
export { StringeeState, type SipPhone } from './state.js';

export interface StringeeEmulatorOptions {
  /** Numeric string, e.g. "10042": the prefix of every SIP username. */
  projectId: string;
  apiKeySid: string;
  apiKeySecret: string;
  seed?: boolean;
}

/** Off the API altogether, so not a Stringee envelope: what the web server in front answers. */
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

export function createStringeeEmulator(options: StringeeEmulatorOptions): {
  server: EmulatorServer;
  state: StringeeState;
} {
  const state = new StringeeState(options.projectId);
  if (options.seed) seedStringee(state);
  const authenticate = restTokenCheck({ sid: options.apiKeySid, secret: options.apiKeySecret });
  const routes = router(stringeeRoutes(state), noSuchPath, noSuchMethod);
  const handler: Handler = async (req) => {
    try {
      await authenticate(req);
      return await routes(req);
    } catch (error) {
      if (error instanceof StringeeError) return refused(error, state.resultCodes);
      throw error;
    }
  };
  return { server: new EmulatorServer('stringee', handler), state };
}
