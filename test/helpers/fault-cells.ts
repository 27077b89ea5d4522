/**
 * The fault matrix's vendors: for each, one read (asked together with another vendor's data, so
 * partial data shows) and one write, the fault target that hits only that call, and how to count
 * on the emulator's own state whether the write landed.
 */
import type { Demo } from '../../src/demo.js';
import type { Fault } from '../../src/emulators/shared/harness.js';
import type { Stack } from './stack.js';

export type Target = Pick<Fault, 'pathPrefix' | 'method' | 'queryIncludes'>;

export interface VendorCells {
  vendor: string;
  /** Emulator key in demo.emulators, which is also the connection name. */
  emulator: string;
  read: {
    query: string;
    target: Target;
    /** What the healthy connections answered, found in the partial data. */
    healthy(data: any): boolean;
  };
  write: {
    target: Target;
    /** Idempotent writes may be retried; the others must reach the vendor at most once. */
    idempotent: boolean;
    /** The mutation for marker `n` (unique per cell). */
    mutation(n: number): { query: string; variables: Record<string, unknown> };
    /** How many times marker `n` is present in the emulator's state. */
    applied(n: number): number;
  };
}

export interface MatrixIds {
  infinityDomain: string;
  infinityDomainNative: number;
  stringeeDomain: string;
  intercomAccount: string;
  sipthorAccount: string;
  sipthorAddress: string;
}

const hasVendor = (data: any, vendor: string): boolean => (data?.domains ?? []).some((d: any) => d?.vendor === vendor);

export async function matrixIds(gql: Stack['gql'], demo: Demo): Promise<MatrixIds> {
  const query = `{ domains { id vendor devices(first: 1000) { nodes { sipConfig { connection accounts { id } } } } }
    accounts(connection: "sipthor") { id address } }`;
  // A cold process (module loading, JIT) can outlast the matrix's short deadline on its first query.
  let { data, errors } = await gql(query);
  for (let attempt = 1; errors && attempt < 5; attempt += 1) ({ data, errors } = await gql(query));
  if (errors) throw new Error(`the matrix's ids could not be read: ${JSON.stringify(errors)}`);
  const domains = data.domains as Array<{ id: string; vendor: string; devices: any }>;
  const configs = domains
    .flatMap((d) => d.devices?.nodes ?? [])
    .map((n: any) => n.sipConfig)
    .filter(Boolean);
  const intercom = configs.find((c: any) => c.connection === 'intercom-1');
  return {
    infinityDomain: domains.find((d) => d.vendor === 'INFINITY')!.id,
    infinityDomainNative: demo.states.infinity.domains()[0]!.domainId,
    stringeeDomain: domains.find((d) => d.vendor === 'STRINGEE')!.id,
    intercomAccount: intercom.accounts[0].id,
    sipthorAccount: data.accounts[0].id,
    sipthorAddress: data.accounts[0].address,
  };
}

export function vendorCells(demo: Demo, ids: MatrixIds): VendorCells[] {
  const { states } = demo;
  return [
    {
      vendor: 'infinity',
      emulator: 'infinity',
      read: {
        query: '{ domains { vendor name } }',
        target: { pathPrefix: '/config/v2/sip/domains', method: 'GET' },
        healthy: (d) => hasVendor(d, 'STRINGEE'),
      },
      write: {
        target: { pathPrefix: `/config/v2/sip/domains/${ids.infinityDomainNative}/trustedNetworks`, method: 'POST' },
        idempotent: false,
        mutation: (n) => ({
          query: 'mutation($d: ID!, $net: Cidr!) { createTrustedNetwork(input: {domainId: $d, network: $net}) { id } }',
          variables: { d: ids.infinityDomain, net: `198.51.${n}.0/24` },
        }),
        applied: (n) =>
          states.infinity.trustedNetworks(ids.infinityDomainNative).filter((t) => t.network === `198.51.${n}.0/24`)
            .length,
      },
    },
    {
      vendor: 'stringee',
      emulator: 'stringee',
      read: {
        query: '{ domains { vendor users(first: 5) { nodes { userName } } } }',
        target: { pathPrefix: '/v1/sipphone', method: 'GET' },
        healthy: (d) => d.domains.some((x: any) => x?.vendor === 'INFINITY' && x.users.nodes.length > 0),
      },
      write: {
        target: { pathPrefix: '/v1/sipphone', method: 'POST' },
        idempotent: false,
        mutation: (n) => ({
          query:
            'mutation($d: ID!, $u: String!) { createUser(input: {domainId: $d, userName: $u, ' +
            'password: "Matrix-pw-1", displayName: $u, extension: "190"}) { id } }',
          variables: { d: ids.stringeeDomain, u: `matrix${n}` },
        }),
        applied: (n) => states.stringee.all().filter((p) => p.username === `matrix${n}`).length,
      },
    },
    {
      vendor: 'pbx',
      emulator: 'pbx',
      read: {
        query: '{ providers { nodes { name } } domains { vendor } }',
        target: { pathPrefix: '/api/providers/list' },
        healthy: (d) => hasVendor(d, 'INFINITY'),
      },
      write: {
        target: { pathPrefix: '/api/providers/create' },
        idempotent: false,
        mutation: (n) => ({
          query: `mutation($name: String!) { createProvider(input: {name: $name, authMode: IP_AUTH, protocol: UDP,
            requireRegister: false, reregisterInterval: 60, hostname: "matrix.example", port: 5060, authId: "m",
            password: "matrix-Secret-1"}) { id } }`,
          variables: { name: `Matrix trunk ${n}` },
        }),
        applied: (n) => states.pbx.list('DEFAULT').filter((p) => p.name === `Matrix trunk ${n}`).length,
      },
    },
    {
      vendor: '2n',
      emulator: 'intercom-1',
      read: {
        query:
          '{ domains(vendor: INFINITY) { devices(first: 1000) { nodes { macAddress sipConfig { connection } } } } }',
        target: { pathPrefix: '/api/phone/' },
        healthy: (d) =>
          d.domains[0].devices.nodes.some((n: any) => n.sipConfig && n.sipConfig.connection !== 'intercom-1'),
      },
      write: {
        target: { pathPrefix: '/api/phone/config', method: 'PUT' },
        idempotent: true,
        mutation: (n) => ({
          query:
            'mutation($id: ID!, $name: String!) { ' +
            'updateDeviceSipAccount(id: $id, input: {displayName: $name}) { id } }',
          variables: { id: ids.intercomAccount, name: `Matrix ${n}` },
        }),
        applied: (n) =>
          Object.values(states.intercoms[0]!.accounts).some((a) => a.displayName === `Matrix ${n}`) ? 1 : 0,
      },
    },
    {
      vendor: 'sipthor',
      emulator: 'sipthor',
      read: {
        query: '{ accounts(connection: "sipthor") { address settings { aliases } } domains { vendor } }',
        target: { pathPrefix: '/settings.phtml', queryIncludes: 'action=get_aliases' },
        healthy: (d) => hasVendor(d, 'INFINITY') && d.accounts.length > 0,
      },
      write: {
        target: { pathPrefix: '/settings.phtml', queryIncludes: 'action=add_alias' },
        idempotent: false,
        mutation: (n) => ({
          query: 'mutation($id: ID!, $u: String!) { addAccountAlias(accountId: $id, username: $u) { id } }',
          variables: { id: ids.sipthorAccount, u: `matrix${n}` },
        }),
        applied: (n) =>
          states.sipthor.accounts.get(ids.sipthorAddress)!.aliases.filter((a) => a.startsWith(`matrix${n}@`)).length,
      },
    },
  ];
}
