/**
 * One 2N IP intercom, from 2n-phone-config.txt, WIRE-NOTES.md and docs/vendors.md:
 * `GET /api/system/info` (no auth), `GET|PUT /api/phone/config` (the PUT a multipart `blob-json`,
 * all or nothing, password write-only), `GET /api/phone/status`; Digest (default), Basic or no
 * auth; 2N error objects on HTTP 200.
 */
import {
  ACCOUNT_INDEXES,
  parseAccountChanges,
  publicView,
  type AccountIndex,
  type AccountSettings,
} from './accounts.js';
import { errorResponse, successResponse, TwoNError } from './errors.js';
import { TwoNState, type DeviceInfo } from './state.js';
import { basicChallenge, createDigestVerifier, verifyBasic } from '../shared/digest.js';
import {
  EmulatorServer,
  router,
  type EmulatorRequest,
  type EmulatorResponse,
  type Handler,
  type Route,
} from '../shared/harness.js';

export { TwoNState } from './state.js';
export type { AccountSettings, TwoNAccount } from './accounts.js';

export interface TwoNEmulatorOptions {
  /** Any case, `:` or `-` separated. */
  macAddr: string;
  serialNumber?: string;
  deviceName?: string;
  auth?: 'digest' | 'basic' | 'none';
  username: string;
  password: string;
  /** The user holds Phone/Calls Monitoring but not Management: may read, may not write. */
  monitoringOnly?: boolean;
  /** Settings of account 1 and 2, over blank ones; default: account 1 configured and registered, account 2 blank. */
  accounts?: Array<Partial<AccountSettings>>;
  now?: () => Date;
}

/** The realm 2N devices put in their challenges. */
const TWO_N_REALM = '2N Helios IP';

export function createTwoNEmulator(options: TwoNEmulatorOptions): { server: EmulatorServer; state: TwoNState } {
  const info = deviceInfo(options);
  const state = new TwoNState(info, options.accounts ?? defaultAccounts(info), options.now);
  const authenticate = authGate(options);

  /** Runs `serve` for a caller holding `privilege`, turning a thrown TwoNError into its error object. */
  const guarded =
    (
      privilege: 'monitoring' | 'management',
      serve: (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>,
    ): Route['handle'] =>
    async (req) => {
      const refusal = authenticate(req);
      if (refusal) return refusal;
      if (privilege === 'management' && options.monitoringOnly) return errorResponse('insufficientPrivileges');
      try {
        return await serve(req);
      } catch (error) {
        if (error instanceof TwoNError) return errorResponse(error.kind, error.param);
        throw error;
      }
    };

  const routes: Route[] = [
    { method: 'GET', pattern: '/api/system/info', handle: () => successResponse(state.info) },
    {
      method: 'GET',
      pattern: '/api/phone/config',
      handle: guarded('monitoring', (req) =>
        successResponse({ accounts: requestedAccounts(req).map((index) => publicView(state.accounts[index])) }),
      ),
    },
    {
      method: 'PUT',
      pattern: '/api/phone/config',
      handle: guarded('management', async (req) => {
        state.apply(parseAccountChanges(await readBlobJson(req)));
        return successResponse();
      }),
    },
    {
      method: 'GET',
      pattern: '/api/phone/status',
      handle: guarded('monitoring', (req) =>
        successResponse({ accounts: requestedAccounts(req).map((index) => state.status(index)) }),
      ),
    },
  ];
  const handler: Handler = router(
    routes,
    () => errorResponse('invalidPath'),
    () => errorResponse('invalidMethod'),
  );
  return { server: new EmulatorServer('2n', handler), state };
}

function deviceInfo(options: TwoNEmulatorOptions): DeviceInfo {
  const hex = options.macAddr.replace(/[:-]/g, '').toUpperCase();
  if (!/^[0-9A-F]{12}$/.test(hex)) throw new Error(`2N emulator: ${options.macAddr} is not a MAC address`);
  return {
    variant: '2N IP Verso',
    serialNumber: options.serialNumber ?? serialFromMac(hex),
    hwVersion: '535v1',
    swVersion: '2.45.0.51.2',
    buildType: 'release',
    deviceName: options.deviceName ?? '2N IP Verso',
    macAddr: hex.match(/../g)!.join(':'),
  };
}

/** A 2N-style serial (`54-1234-5678`) made from the MAC's device-specific half, so it is stable per device. */
function serialFromMac(hex: string): string {
  const digits = String(parseInt(hex.slice(6), 16)).padStart(8, '0');
  return `54-${digits.slice(0, 4)}-${digits.slice(4)}`;
}

/** Account 1 registered under a number taken from the MAC (so devices differ), account 2 blank. */
function defaultAccounts(info: DeviceInfo): Array<Partial<AccountSettings>> {
  const sipNumber = String(4100 + parseInt(info.macAddr.slice(-2), 16));
  return [
    {
      enabled: true,
      displayName: info.deviceName,
      sipNumber,
      domain: 'sip.example.com',
      password: `intercom-${sipNumber}`,
      registrationEnabled: true,
      registrarAddress: 'sip.example.com',
      registrarPort: '5060',
    },
  ];
}

/** `?account=N` narrows a GET to one account; without it every account is listed. */
function requestedAccounts(req: EmulatorRequest): readonly AccountIndex[] {
  const wanted = req.query.get('account');
  if (wanted === null) return ACCOUNT_INDEXES;
  const index = ACCOUNT_INDEXES.find((i) => String(i) === wanted);
  if (index === undefined) throw new TwoNError('invalidValue', 'account');
  return [index];
}

/** The JSON in the multipart field `blob-json`: the only way the device accepts blob parameters. */
async function readBlobJson(req: EmulatorRequest): Promise<unknown> {
  const contentType = String(req.headers['content-type'] ?? '');
  if (!/^multipart\/form-data\s*;/i.test(contentType)) throw new TwoNError('missingParameter', 'blob-json');
  const form = await new Request('http://device.invalid/', {
    method: 'PUT',
    headers: { 'content-type': contentType },
    body: req.rawBody,
  })
    .formData()
    .catch(() => {
      throw new TwoNError('invalidValue', 'blob-json');
    });
  const part = form.get('blob-json');
  if (part === null) throw new TwoNError('missingParameter', 'blob-json');
  const text = typeof part === 'string' ? part : await part.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new TwoNError('invalidValue', 'blob-json');
  }
}

/** A check run before every protected function: undefined lets the request through, else the 401 to send. */
type AuthGate = (req: EmulatorRequest) => EmulatorResponse | undefined;

function authGate(options: TwoNEmulatorOptions): AuthGate {
  const passwordOf = (username: string): string | undefined =>
    username === options.username ? options.password : undefined;
  const unauthorised = (challenge: string): EmulatorResponse => ({
    ...errorResponse('authorisationRequired', undefined, 401),
    headers: { 'www-authenticate': challenge },
  });
  switch (options.auth ?? 'digest') {
    case 'none':
      return () => undefined;
    case 'basic':
      return (req) =>
        verifyBasic(req, passwordOf) === undefined ? unauthorised(basicChallenge(TWO_N_REALM)) : undefined;
    case 'digest': {
      const digest = createDigestVerifier({ realmFor: () => TWO_N_REALM });
      return (req) => {
        const verdict = digest.verify(req, passwordOf);
        return verdict.ok ? undefined : unauthorised(digest.challenge(req, { stale: verdict.stale }));
      };
    }
  }
}
