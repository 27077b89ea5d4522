/**
 * SIP Thor's `settings.phtml`, from sipthor-settings.txt, WIRE-NOTES.md and docs/vendors.md: Digest
 * with each SIP account's own credentials in the realm the query names, raw JSON served as
 * text/html, `Key … changed` lines before set_call_forwarding's JSON, an HTML alert block when a
 * get_* fails on the backend.
 */
import { isReadAction, read, write, type WriteOutcome } from './actions.js';
import { seededAccount } from './seed.js';
import { blankAccount, SipThorState, type SipThorAccount, type SipThorAccountOptions } from './state.js';
import { createDigestVerifier } from '../shared/digest.js';
import { EmulatorServer, router, type EmulatorRequest, type EmulatorResponse } from '../shared/harness.js';

export type { ReadAction } from './actions.js';
export { SipThorState, type SipThorAccount, type SipThorAccountOptions } from './state.js';

export interface SipThorEmulatorOptions {
  accounts: SipThorAccountOptions[];
  /** The server's clock: call history, DND durations and monthly usage are relative to it. */
  now?: () => Date;
  /** Give every account deterministic sample data (history, devices, balance, forwarding…). */
  seed?: boolean;
}

const HTML = { 'content-type': 'text/html; charset=UTF-8' };

export function createSipThorEmulator(options: SipThorEmulatorOptions): {
  server: EmulatorServer;
  state: SipThorState;
} {
  const state = new SipThorState(options.now);
  for (const account of options.accounts)
    state.add(options.seed ? seededAccount(account, state.now()) : blankAccount(account));

  const digest = createDigestVerifier({ realmFor: (req) => req.query.get('realm') ?? '' });
  /** The account `req` proves it holds the password of: `user@domain`, or a bare user in the realm's domain. */
  const authenticatedAccount = (req: EmulatorRequest): SipThorAccount | undefined => {
    const verdict = digest.verify(req, (username, realm) => state.accounts.get(sipAddress(username, realm))?.password);
    return verdict.ok ? state.accounts.get(sipAddress(verdict.username, verdict.realm)) : undefined;
  };

  const settings = (req: EmulatorRequest): EmulatorResponse => {
    const account = authenticatedAccount(req);
    if (!account) return { status: 401, headers: { ...HTML, 'www-authenticate': digest.challenge(req) }, body: '' };
    const action = req.query.get('action') ?? '';
    if (isReadAction(action)) {
      if (state.failingActions.has(action)) return html(backendFailure(action));
      return html(JSON.stringify(read(action, account, state.now(), state)));
    }
    const outcome = write(action, account, req.query, state) ?? {
      success: false,
      error_message: 'Error: invalid action',
    };
    return html(writeBody(outcome));
  };

  const handler = router([{ method: 'GET', pattern: '/settings.phtml', handle: settings }], () => ({
    status: 404,
    headers: HTML,
    body: '<h1>Not Found</h1>',
  }));
  return { server: new EmulatorServer('sipthor', handler), state };
}

function sipAddress(username: string, realm: string): string {
  return username.includes('@') ? username : `${username}@${realm}`;
}

function writeBody({ preamble = '', ...json }: WriteOutcome): string {
  return `${preamble}${JSON.stringify(json)}`;
}

/** What the real server prints when its backend fails: an alert block from its web UI, still HTTP 200. */
function backendFailure(action: string): string {
  return `<div class='alert alert-error'>Error: ${action} failed: the SIP Thor backend did not answer</div>`;
}

function html(body: string): EmulatorResponse {
  return { status: 200, headers: HTML, body };
}
