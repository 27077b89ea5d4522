/**
 * A realistic directory that is the same on every run: ids, names, extensions, MACs and
 * timestamps are all arithmetic on the record's position. By default 2 domains (Acme Corp,
 * Globex), 60 users, 6 groups, 3 queues, 60 PBX devices and 6 trusted networks; the options
 * scale it (one domain of 10,000 users, or 100 users in 6 groups of 50).
 *
 * Everything goes through InfinityState's public operations, so the seed obeys the same rules as
 * the API (unique extensions and MACs, valid CIDRs…).
 */
import type { Domain, Group, InfinityState, User } from './state.js';

export interface InfinitySeedOptions {
  /** Default 2: Acme Corp and Globex; further ones are "Tenant N". */
  domains?: number;
  /** Default 30. */
  usersPerDomain?: number;
  /** Default 3. Teams: sales, support, reception, engineering, finance, operations, then numbered rounds. */
  groupsPerDomain?: number;
  /** Groups each user is in; default 1, and 2 for team leads (every tenth user). */
  groupsPerUser?: number;
  /** Desk phones of each user who has any; default 1. */
  devicesPerUser?: number;
  /** The newest users of each domain, who have no device yet; default one in six. */
  usersWithoutDevices?: number;
  /** 2N door intercoms per domain, each assigned to one of the first users on top of their desk phone; default 3. */
  extraDevices?: number;
  /** Unassigned spare phones per domain; default 2. */
  spareDevices?: number;
  /** Default 2 in the first domain and 1 in the others. */
  queuesPerDomain?: number;
}

interface DomainProfile {
  domainName: string;
  displayName: string;
  rec: boolean;
  queues: number;
}

const PROFILES: DomainProfile[] = [
  { domainName: 'acme.sip.example', displayName: 'Acme Corp', rec: true, queues: 2 },
  { domainName: 'globex.sip.example', displayName: 'Globex', rec: false, queues: 1 },
];

const FIRST_NAMES = [
  'Anna',
  'Ben',
  'Chloe',
  'Daniel',
  'Emma',
  'Farid',
  'Grace',
  'Hannah',
  'Ivan',
  'Julia',
  'Karim',
  'Laura',
  'Marco',
  'Nina',
  'Oliver',
  'Priya',
  'Quentin',
  'Rosa',
  'Samuel',
  'Tanja',
  'Umar',
  'Valentina',
  'William',
  'Ximena',
  'Yusuf',
  'Zara',
  'Lukas',
  'Mei',
  'Pedro',
  'Sofia',
];
const LAST_NAMES = [
  'Schmidt',
  'Novak',
  'Rossi',
  'Meyer',
  'Kaya',
  'Dubois',
  'Larsen',
  'Silva',
  'Jansen',
  'Kowalski',
  'Horvat',
  'Berg',
  'Costa',
  'Fischer',
  'Ivanova',
  'Moreau',
  'Nilsen',
  'Ortiz',
  'Petrov',
  'Quinn',
  'Reyes',
  'Sato',
  'Tanaka',
  'Okafor',
  'Varga',
  'Weber',
  'Young',
  'Zhang',
  'Abbas',
  'Brandt',
];
const TEAMS = [
  { groupName: 'sales', displayName: 'Sales', jobName: 'Account manager' },
  { groupName: 'support', displayName: 'Support', jobName: 'Support engineer' },
  { groupName: 'reception', displayName: 'Reception', jobName: 'Receptionist' },
  { groupName: 'engineering', displayName: 'Engineering', jobName: 'Software engineer' },
  { groupName: 'finance', displayName: 'Finance', jobName: 'Accountant' },
  { groupName: 'operations', displayName: 'Operations', jobName: 'Operations coordinator' },
];
const QUEUES = [
  { queueName: 'inbound', displayName: 'Main line' },
  { queueName: 'support-line', displayName: 'Support hotline' },
  { queueName: 'after-hours', displayName: 'After hours' },
];
const OFFICES = ['London', 'Manchester', 'Berlin', 'Remote'];
const DOOR_LOCATIONS = ['Lobby', 'Goods entrance', 'Car park'];
/** Real vendor OUIs, so a MAC reads like the phone it names. */
const DESK_PHONES = [
  { model: 'Yealink T54W', oui: '80:5E:C0' },
  { model: 'Poly VVX 450', oui: '64:16:7F' },
  { model: 'Snom D785', oui: '00:04:13' },
];
const INTERCOM = { model: '2N IP Verso', oui: '7C:1E:B3' };

const SEED_EPOCH = Date.UTC(2024, 0, 8, 9, 0, 0);
const FIRST_USER_EXTENSION = 101;
const TEAM_LEAD_EVERY = 10;

/** The options with their defaults, and where group and queue extensions start. */
interface Plan
  extends
    Required<Omit<InfinitySeedOptions, 'groupsPerUser' | 'queuesPerDomain'>>,
    Pick<InfinitySeedOptions, 'groupsPerUser' | 'queuesPerDomain'> {
  firstGroupExtension: number;
  firstQueueExtension: number;
}

const isTeamLead = (index: number): boolean => index % TEAM_LEAD_EVERY === 0;
const pad = (value: number, digits: number): string => String(value).padStart(digits, '0');
const hexByte = (value: number): string => (value & 0xff).toString(16).toUpperCase().padStart(2, '0');

const nextHundred = (extension: number): number => (Math.floor(extension / 100) + 1) * 100;

/** Users from 101, then groups and then queues each from the next hundred up: no clash however many of each. */
function planOf(options: InfinitySeedOptions): Plan {
  const usersPerDomain = options.usersPerDomain ?? 30;
  const groupsPerDomain = options.groupsPerDomain ?? 3;
  const firstGroupExtension = nextHundred(FIRST_USER_EXTENSION + usersPerDomain - 1);
  return {
    domains: options.domains ?? 2,
    usersPerDomain,
    groupsPerDomain,
    groupsPerUser: options.groupsPerUser,
    devicesPerUser: options.devicesPerUser ?? 1,
    usersWithoutDevices: options.usersWithoutDevices ?? Math.floor(usersPerDomain / 6),
    extraDevices: options.extraDevices ?? 3,
    spareDevices: options.spareDevices ?? 2,
    queuesPerDomain: options.queuesPerDomain,
    firstGroupExtension,
    firstQueueExtension: nextHundred(firstGroupExtension + groupsPerDomain - 1),
  };
}

function profileOf(domainIndex: number): DomainProfile {
  const n = domainIndex + 1;
  return (
    PROFILES[domainIndex] ?? {
      domainName: `tenant${n}.sip.example`,
      displayName: `Tenant ${n}`,
      rec: domainIndex % 2 === 0,
      queues: 1,
    }
  );
}

function teamOf(groupIndex: number): (typeof TEAMS)[number] {
  const team = TEAMS[groupIndex % TEAMS.length]!;
  const round = Math.floor(groupIndex / TEAMS.length);
  return round === 0
    ? team
    : { ...team, groupName: `${team.groupName}-${round + 1}`, displayName: `${team.displayName} ${round + 1}` };
}

/**
 * Name `index` of a domain. For a fixed first name the last name steps by 7 (coprime with 30), so
 * the first 900 people of a domain have distinct names; beyond that a round number keeps user
 * names unique.
 */
function personOf(index: number, domainIndex: number): { firstName: string; lastName: string; user: string } {
  const firstName = FIRST_NAMES[index % FIRST_NAMES.length]!;
  const lastName =
    LAST_NAMES[(index + 7 * Math.floor(index / FIRST_NAMES.length) + 11 * domainIndex) % LAST_NAMES.length]!;
  const round = Math.floor(index / (FIRST_NAMES.length * LAST_NAMES.length));
  return { firstName, lastName, user: `${firstName}.${lastName}${round === 0 ? '' : round + 1}`.toLowerCase() };
}

function macAddress(oui: string, domainIndex: number, deviceIndex: number): string {
  return `${oui}:${hexByte(domainIndex + 1)}:${hexByte(deviceIndex >> 8)}:${hexByte(deviceIndex)}`;
}

function seedUsers(state: InfinityState, domain: Domain, domainIndex: number, plan: Plan): User[] {
  const mailDomain = domain.domainName.replace('.sip.', '.');
  return Array.from({ length: plan.usersPerDomain }, (_, i) => {
    const person = personOf(i, domainIndex);
    const team = plan.groupsPerDomain > 0 ? teamOf(i % plan.groupsPerDomain) : undefined;
    const mobile = i % 3 === 0 ? `+447700900${pad(i % 1000, 3)}` : '';
    const hotdesk = i % 4 === 1;
    return state.createUser(domain.domainId, {
      ...person,
      password: `Seed-${person.user}-${domainIndex}`,
      displayName: `${person.firstName} ${person.lastName}`,
      extensionNumber: String(FIRST_USER_EXTENSION + i),
      email: `${person.user}@${mailDomain}`,
      jobName: isTeamLead(i) ? 'Team lead' : (team?.jobName ?? ''),
      departmentName: team?.displayName ?? '',
      companyName: domain.displayName,
      officeName: OFFICES[(i + domainIndex) % OFFICES.length]!,
      // Ofcom's drama ranges and the US 555-01xx block: realistic numbers that ring nobody.
      ukCallerId: `+44207946${pad(domainIndex % 100, 2)}00`,
      usCallerId: `+1202555${pad(100 + (domainIndex % 100), 4)}`,
      mobileNumber: mobile,
      mobileFollow: mobile !== '' && i % 2 === 0,
      hotdeskAllowed: hotdesk,
      pin: hotdesk ? String(1000 + ((i * 7919) % 9000)) : '',
      dashboard: i % 2 === 0,
    });
  });
}

function seedGroups(state: InfinityState, domainId: number, plan: Plan): Group[] {
  return Array.from({ length: plan.groupsPerDomain }, (_, g) => {
    const { groupName, displayName } = teamOf(g);
    return state.createGroup(domainId, {
      groupName,
      displayName,
      extensionNumber: String(plan.firstGroupExtension + g),
      ringRetry: g % 2 === 0,
      ringExclusive: g % 3 === 0,
      callerNameFormat: g % 2 === 0 ? '{dgrpName}: {displayName}' : '{displayName} - {srcPhoneNumber}',
    });
  });
}

/** User i joins its own team (i mod groups) and the next ones; team leads default to one team more. */
function joinGroups(
  state: InfinityState,
  domainId: number,
  users: User[],
  groups: Group[],
  groupsPerUser: number | undefined,
): void {
  const members = groups.map((): number[] => []);
  users.forEach((user, i) => {
    const count = Math.min(groupsPerUser ?? (isTeamLead(i) ? 2 : 1), groups.length);
    for (let k = 0; k < count; k += 1) members[(i + k) % groups.length]!.push(user.userId);
  });
  groups.forEach((group, g) => state.addGroupUsers(domainId, group.groupId, members[g]!));
}

/** Each queue rings two teams: everybody in the first at once, then the longest idle of the second. */
function seedQueues(state: InfinityState, domainId: number, groups: Group[], count: number, plan: Plan): void {
  for (let q = 0; q < count; q += 1) {
    const names = QUEUES[q] ?? { queueName: `queue-${q + 1}`, displayName: `Queue ${q + 1}` };
    const queue = state.createQueue(domainId, {
      ...names,
      extensionNumber: String(plan.firstQueueExtension + q),
      callerNameFormat: '[{dgrpName}] {displayName}',
    });
    for (let m = 0; m < Math.min(2, groups.length); m += 1) {
      state.createQueueMember(domainId, queue.queueId, {
        groupId: groups[(q + m) % groups.length]!.groupId,
        ringStrategy: m === 0 ? 'all' : 'huntLongestIdle',
        ringAttempts: 2 + m,
        ringSecs: 20 + 10 * m,
      });
    }
  }
}

/**
 * Door intercoms first (so they hold the lowest ids, which the demo relies on to find its 2N
 * devices), then desk phones, then spares. The device index makes each MAC unique in the domain.
 */
function seedDevices(state: InfinityState, domainId: number, domainIndex: number, users: User[], plan: Plan): void {
  let deviceIndex = 0;
  const addDevice = (kind: { model: string; oui: string }, label: string, owner: User | undefined): void => {
    const device = state.createDevice(domainId, {
      pbxDeviceName: `${kind.model} – ${label}`,
      deviceMacAddress: macAddress(kind.oui, domainIndex, deviceIndex),
    });
    deviceIndex += 1;
    if (owner) state.assignDevice(domainId, owner.userId, device.pbxDeviceId);
  };

  for (let k = 0; k < plan.extraDevices; k += 1) addDevice(INTERCOM, DOOR_LOCATIONS[k] ?? `Door ${k + 1}`, users[k]);

  users.slice(0, Math.max(0, users.length - plan.usersWithoutDevices)).forEach((user, i) => {
    for (let k = 0; k < plan.devicesPerUser; k += 1) {
      const phone = DESK_PHONES[(i + k) % DESK_PHONES.length]!;
      addDevice(phone, k === 0 ? user.displayName : `${user.displayName} (${k + 1})`, user);
    }
  });

  for (let s = 0; s < plan.spareDevices; s += 1)
    addDevice(DESK_PHONES[s % DESK_PHONES.length]!, `Spare ${s + 1}`, undefined);
}

/** Documentation ranges only (RFC 1918, RFC 5737, RFC 3849): nothing here is anybody's real network. */
function seedTrustedNetworks(state: InfinityState, domainId: number, domainIndex: number): void {
  state.createTrustedNetwork(domainId, { network: `10.${domainIndex % 256}.0.0/16`, description: 'Head office LAN' });
  state.createTrustedNetwork(domainId, {
    network: `192.0.2.${(domainIndex % 16) * 16}/28`,
    description: 'SBC addresses',
  });
  state.createTrustedNetwork(domainId, {
    network: `2001:db8:${(domainIndex + 1).toString(16)}::/48`,
    description: 'Head office IPv6',
  });
}

function seedDomain(state: InfinityState, domainIndex: number, plan: Plan): void {
  const profile = profileOf(domainIndex);
  const domain = state.addDomain({
    domainName: profile.domainName,
    displayName: profile.displayName,
    rec: profile.rec,
  });
  const users = seedUsers(state, domain, domainIndex, plan);
  const groups = seedGroups(state, domain.domainId, plan);
  joinGroups(state, domain.domainId, users, groups, plan.groupsPerUser);
  seedQueues(state, domain.domainId, groups, plan.queuesPerDomain ?? profile.queues, plan);
  seedDevices(state, domain.domainId, domainIndex, users, plan);
  seedTrustedNetworks(state, domain.domainId, domainIndex);
}

/** Fills `state`; every record is stamped one minute after the previous one, from a fixed date. */
export function seedInfinity(state: InfinityState, options: InfinitySeedOptions = {}): void {
  const plan = planOf(options);
  const liveClock = state.clock;
  let minutes = 0;
  state.clock = () => new Date(SEED_EPOCH + 60_000 * minutes++);
  try {
    for (let d = 0; d < plan.domains; d += 1) seedDomain(state, d, plan);
  } finally {
    state.clock = liveClock;
  }
}
