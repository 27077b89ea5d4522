/**
 * A realistic, deterministic directory: the same ids, names, extensions and MACs on every run.
 * Options scale it for benchmarks (one domain of 10,000 users, or 100 users in 6 groups).
 */
import type { InfinityState } from './state.js';

export interface InfinitySeedOptions {
  domains?: number;
  usersPerDomain?: number;
  groupsPerDomain?: number;
  /** How many groups each user is in (1 to groupsPerDomain). */
  groupsPerUser?: number;
  /** Devices assigned to each user. */
  devicesPerUser?: number;
  /** Users (from the first) that get one more device, and unassigned spare devices per domain. */
  extraDevices?: number;
  spareDevices?: number;
  queuesPerDomain?: number;
}

const DOMAINS = [
  { name: 'acme.sip.example', display: 'Acme Corp' },
  { name: 'globex.sip.example', display: 'Globex' },
  { name: 'initech.sip.example', display: 'Initech' },
  { name: 'umbrella.sip.example', display: 'Umbrella' },
];
const FIRST = ['Anna', 'Ben', 'Clara', 'David', 'Elif', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Katja', 'Leon', 'Mira', 'Noah', 'Olga', 'Paul', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera', 'Wim', 'Xenia', 'Yusuf', 'Zoe', 'Arjun', 'Bea', 'Carlos', 'Dana'];
const LAST = ['Schmidt', 'Novak', 'Rossi', 'Meyer', 'Kaya', 'Dubois', 'Larsen', 'Silva', 'Jansen', 'Kowalski', 'Horvat', 'Berg', 'Costa', 'Fischer', 'Ivanova', 'Moreau', 'Nilsen', 'Ortiz', 'Petrov', 'Quist', 'Reyes', 'Sato', 'Tanaka', 'Ueda', 'Varga', 'Weber', 'Young', 'Zhang', 'Abbas', 'Brandt'];
const DEPARTMENTS = ['Sales', 'Support', 'Engineering', 'Finance', 'Operations'];
const GROUPS = [
  { name: 'sales', display: 'Sales' },
  { name: 'support', display: 'Support' },
  { name: 'reception', display: 'Reception' },
  { name: 'engineering', display: 'Engineering' },
  { name: 'finance', display: 'Finance' },
  { name: 'night', display: 'Night shift' },
];
const PHONES = [
  { model: 'Yealink T54W', oui: '80:5E:C0' },
  { model: 'Poly VVX 450', oui: '64:16:7F' },
  { model: 'Snom D785', oui: '00:04:13' },
];
const INTERCOM = { model: '2N IP Verso', oui: '7C:1E:B3' };
const BASE_TIME = Date.UTC(2026, 0, 5, 9, 0, 0);

const hex = (n: number): string => (n & 0xff).toString(16).toUpperCase().padStart(2, '0');
const mac = (oui: string, domain: number, n: number): string => `${oui}:${hex(domain)}:${hex(n >> 8)}:${hex(n)}`;

export function seedInfinity(state: InfinityState, options: InfinitySeedOptions = {}): void {
  const domains = options.domains ?? 2;
  const usersPerDomain = options.usersPerDomain ?? 30;
  const groupsPerDomain = Math.min(options.groupsPerDomain ?? 3, GROUPS.length * 50);
  const groupsPerUser = Math.min(options.groupsPerUser ?? 1, groupsPerDomain);
  const devicesPerUser = options.devicesPerUser ?? 1;
  const extraDevices = options.extraDevices ?? 3;
  const spareDevices = options.spareDevices ?? 2;
  const queuesPerDomain = options.queuesPerDomain ?? 2;
  let tick = 0;
  const at = (): Date => new Date(BASE_TIME + 60_000 * tick++);
  const stamp = <T extends { created: Date; updated: Date }>(record: T): T => {
    const when = at();
    record.created = when;
    record.updated = when;
    return record;
  };

  for (let d = 0; d < domains; d += 1) {
    const info = DOMAINS[d] ?? { name: `tenant${d + 1}.sip.example`, display: `Tenant ${d + 1}` };
    const domain = stamp(state.addDomain(info.name, info.display));
    domain.rec = d % 2 === 0 ? 1 : 0;

    const users = Array.from({ length: usersPerDomain }, (_, i) => {
      const first = FIRST[i % FIRST.length]!;
      const last = LAST[(i * 7 + d) % LAST.length]!;
      const suffix = i >= FIRST.length ? String(Math.floor(i / FIRST.length)) : '';
      const name = `${first}.${last}${suffix}`.toLowerCase();
      return stamp(
        state.createUser(domain.domainId, {
          user: name,
          password: `Pw-${name}-${i}`,
          displayName: `${first} ${last}`,
          extensionNumber: String(1000 + i),
          email: `${name}@${info.name.replace('.sip', '')}`,
          firstName: first,
          lastName: last,
          departmentName: DEPARTMENTS[i % DEPARTMENTS.length],
          companyName: info.display,
          jobName: i % 10 === 0 ? 'Team lead' : 'Agent',
          mobileNumber: i % 3 === 0 ? `+4479${String(10_000_000 + i * 7919).slice(-8)}` : '',
          mobileFollow: i % 3 === 0 ? '1' : '0',
          dashboard: i % 2 === 0 ? '1' : '0',
        }),
      );
    });

    const groups = Array.from({ length: groupsPerDomain }, (_, g) => {
      const base = GROUPS[g % GROUPS.length]!;
      const round = Math.floor(g / GROUPS.length);
      return stamp(
        state.createGroup(domain.domainId, {
          groupName: round ? `${base.name}-${round + 1}` : base.name,
          displayName: round ? `${base.display} ${round + 1}` : base.display,
          extensionNumber: String(500 + g),
          ringRetry: g % 2 === 0 ? '1' : '0',
          ringExclusive: g % 3 === 0 ? '1' : '0',
          callerNameFormat: '{dgrpName}: {displayName}',
        }),
      );
    });
    users.forEach((user, i) => {
      const memberOf = Array.from({ length: groupsPerUser }, (_, k) => groups[(i + k) % groups.length]!);
      // Every fifth user is also in the next group over: people belong to more than one team.
      if (groupsPerUser === 1 && groups.length > 1 && i % 5 === 0) memberOf.push(groups[(i + 1) % groups.length]!);
      state.addMemberships(domain.domainId, memberOf.map((g) => [g.groupId, user.userId]));
    });

    for (let q = 0; q < queuesPerDomain - (d % 2) && groups.length > 0; q += 1) {
      const queue = stamp(state.createQueue(domain.domainId, { queueName: q === 0 ? 'inbound' : `line-${q + 1}`, displayName: q === 0 ? 'Inbound calls' : `Line ${q + 1}`, extensionNumber: String(800 + q) }));
      groups.slice(0, Math.min(2, groups.length)).forEach((group, m) => {
        state.createMember(domain.domainId, queue.queueId, { groupId: String(group.groupId), ringStrategy: m === 0 ? 'all' : 'huntLongestIdle', ringAttempts: String(2 + m), ringSecs: String(20 + 5 * m) });
      });
    }

    let n = 0;
    const device = (model: { model: string; oui: string }, label: string, owner?: number) => {
      const created = stamp(state.createDevice(domain.domainId, { pbxDeviceName: `${model.model} – ${label}`, deviceMacAddress: mac(model.oui, d + 1, n++) }));
      if (owner !== undefined) state.assignDevice(domain.domainId, owner, created.pbxDeviceId, `tok${domain.domainId}x${created.pbxDeviceId}`);
    };
    users.forEach((user, i) => {
      for (let k = 0; k < devicesPerUser; k += 1) {
        // The first few users of each domain sit at the doors: their devices are 2N intercoms.
        const model = i < 3 && k === 0 ? INTERCOM : PHONES[(i + k) % PHONES.length]!;
        device(model, model === INTERCOM ? `Door ${i + 1} (${user.displayName})` : user.displayName, user.userId);
      }
    });
    users.slice(0, Math.min(extraDevices, users.length)).forEach((user) => device(PHONES[2]!, `${user.displayName} (desk 2)`, user.userId));
    for (let s = 0; s < spareDevices; s += 1) device(PHONES[0]!, `Spare ${s + 1}`);

    stamp(state.createNetwork(domain.domainId, { network: `10.${d}.0.0/16`, description: 'Head office LAN' }));
    stamp(state.createNetwork(domain.domainId, { network: `192.0.2.${d * 16}/28`, description: 'SBC addresses' }));
    if (d === 0) stamp(state.createNetwork(domain.domainId, { network: '2001:db8:100::/48', description: 'Office IPv6' }));
  }
}
