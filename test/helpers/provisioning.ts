/**
 * What the emulators hold for one provisioned person: the evidence the provisioning and crash
 * tests compare, read from the emulators' own state (not through the gateway).
 */
import type { DemoStates } from '../../src/demo.js';

export const PROVISION = `mutation($input: ProvisionUserInput!, $key: String) {
  provisionUser(input: $input, idempotencyKey: $key) {
    ok
    error { code message }
    user { id userName groups { name } }
    device { id macAddress user { userName } }
    change { id kind status error steps { name action status reason reconciled } }
  }
}`;

export interface Footprint {
  user: boolean;
  groups: number;
  deviceWithMac: boolean;
  deviceAssigned: boolean;
  intercomAccount: boolean;
  sipPhone: boolean;
}

/** Every trace of `userName` (and a device with `mac`) across the vendors. */
export function footprint(states: DemoStates, userName: string, mac: string): Footprint {
  const infinity = states.infinity;
  const domainId = infinity.domains()[0]!.domainId;
  const user = infinity.users(domainId).find((u) => u.user === userName);
  const device = infinity.devices(domainId).find((d) => d.deviceMacAddress === mac);
  return {
    user: user !== undefined,
    groups: user ? infinity.userGroups(domainId, user.userId).length : 0,
    deviceWithMac: device !== undefined,
    deviceAssigned: device !== undefined && user !== undefined && device.userId === user.userId,
    intercomAccount: states.intercoms.some((i) => Object.values(i.accounts).some((a) => a.authId === userName)),
    sipPhone: states.stringee.get(userName) !== undefined,
  };
}

export const NOTHING: Footprint = {
  user: false,
  groups: 0,
  deviceWithMac: false,
  deviceAssigned: false,
  intercomAccount: false,
  sipPhone: false,
};
