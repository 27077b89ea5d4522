/** The calls each SIP Thor read makes (src/vendors/call-profile.ts): one per account and settings page. */
import type { CallProfile } from '../shared/call-profile.js';

/** The `action` each settings section reads (account-settings.ts); privacy has no documented read. */
const ACTION_OF_SECTION: Readonly<Record<string, string | null>> = {
  identity: 'identity',
  aliases: 'aliases',
  enumNumbers: 'enum',
  callForwarding: 'forwarding',
  doNotDisturb: 'acceptRules',
  acceptRules: 'acceptRules',
  rejectRules: 'rejectRules',
  privacy: null,
  voicemail: 'voicemail',
  callHistory: 'history',
  registeredDevices: 'devices',
  prepaid: 'prepaid',
  balanceHistory: 'balanceHistory',
  monthlyUsage: 'monthlyUsage',
};

export function sipThorCallProfile(addresses: readonly string[]): CallProfile {
  return {
    // The accounts are the configured ones: known without a call.
    accounts: () => [],
    accountCount: () => addresses.length,
    settings(account, section) {
      const action = ACTION_OF_SECTION[section];
      return action ? [`${account}\n${action}`] : [];
    },
  };
}
