/**
 * SIP Thor settings actions for one account, as `GET settings.phtml?action=…&realm=…`, with the
 * account's own Digest credentials. Handles the real server's quirks: raw JSON, `Key … changed`
 * lines before the JSON of set_call_forwarding, and an HTML alert block instead of JSON when a
 * `get_*` action fails on the backend.
 */
import { ErrorCode, VendorError } from '../../errors.js';
import type { QueryValue, Upstream, UpstreamResponse } from '../../http/client.js';
import type { z } from 'zod';
import * as wire from './wire.js';
import { readWire } from '../shared/read-back.js';

const SETTINGS_PATH = '/settings.phtml';

function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The JSON part of a body: what follows any `Key … changed` lines. */
export function jsonPart(text: string): string {
  const start = text.search(/^[[{]|^null\b|^true\b|^false\b/m);
  return start < 0 ? text : text.slice(start);
}

export class SipThorClient {
  constructor(
    private readonly http: Upstream,
    private readonly realm: string,
  ) {}

  identity = () => this.get('get_identity', wire.identity);
  aliases = () => this.get('get_aliases', wire.stringList);
  enumNumbers = () => this.get('get_enum', wire.stringList);
  history = () => this.get('get_history', wire.history);
  devices = () => this.get('get_devices', wire.devices);
  prepaid = () => this.get('get_prepaid', wire.prepaid);
  balanceHistory = () => this.get('get_balance_history', wire.balanceHistory);
  monthlyUsage = () => this.get('get_monthly_usage', wire.monthlyUsage);
  forwarding = () => this.get('get_call_forwarding', wire.forwarding);
  acceptRules = () => this.get('get_accept_rules', wire.acceptRules);
  rejectRules = () => this.get('get_reject_rules', wire.stringList);
  voicemail = () => this.get('get_voicemail', wire.voicemail);

  setDndOn = (durationMinutes?: number) => this.set('set_dnd_on', { duration: durationMinutes });
  setDndOff = () => this.set('set_dnd_off');
  setPrivacyOn = () => this.set('set_privacy_on');
  setPrivacyOff = () => this.set('set_privacy_off');
  addAlias = (username: string) => this.set('add_alias', { username });
  setCallForwarding = (change: Partial<Record<wire.ForwardingKey, string>>) => this.set('set_call_forwarding', change);

  private async get<S extends z.ZodType>(action: string, schema: S): Promise<z.infer<S>> {
    const response = await this.call(action, {});
    const text = response.text;
    if (text.trimStart().startsWith('<')) {
      throw new VendorError(
        ErrorCode.VendorUnavailable,
        `sipthor connection "${this.http.connection}": ${action} failed on the server: ${htmlText(text)}`,
        this.http.failure({ httpStatus: 200, vendorMessage: htmlText(text) }),
      );
    }
    return this.parse(action, response, schema);
  }

  private async set(action: string, params: Record<string, QueryValue> = {}): Promise<void> {
    const outcome = this.parse(action, await this.call(action, params), wire.outcome);
    if (!outcome.success) {
      const message = outcome.error_message ?? 'refused';
      throw new VendorError(
        ErrorCode.VendorRejected,
        `sipthor connection "${this.http.connection}": ${action}: ${message}`,
        this.http.failure({ httpStatus: 200, vendorMessage: message }),
      );
    }
  }

  private async call(action: string, params: Record<string, QueryValue>): Promise<UpstreamResponse> {
    return this.http.expect(
      {
        method: 'GET',
        path: SETTINGS_PATH,
        query: [['action', action], ['realm', this.realm], ...Object.entries(params)],
        idempotent: action.startsWith('get_'),
      },
      200,
    );
  }

  /** An unreadable answer to a set_* action leaves its outcome unknown: `response` lets the client say so. */
  private parse<S extends z.ZodType>(action: string, response: UpstreamResponse, schema: S): z.infer<S> {
    let json: unknown;
    try {
      json = JSON.parse(jsonPart(response.text));
    } catch (error) {
      throw this.http.badResponse(`${action}: not JSON`, { response }, error);
    }
    return readWire(this.http, schema, json, action, 200);
  }
}
