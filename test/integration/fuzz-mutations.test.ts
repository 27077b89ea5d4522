/**
 * Property: for every mutation of the schema, an input made invalid in one place (a bad MAC,
 * CIDR, port, extension; a huge, control-character or broken-Unicode string; null where a value
 * is required; the id of another type, a crafted id smuggling a path; an id of another tenant's
 * domain) gets an error with a clear code, never INTERNAL_SERVER_ERROR, and changes no vendor
 * state: the emulators' request logs show no successful write for it.
 *
 * fast-check with a fixed seed and a bounded number of runs; on failure it prints the seed and the
 * shrunk counterexample.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { buildSchema } from '../../src/schema.js';
import { startStack, type Stack } from '../helpers/stack.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

let stack: Stack;
/** Valid ids per type, from the demo (Account: a SIP Thor one; DeviceSipAccount: a 2N one). */
const ids: Record<string, string> = {};
/** Ids in the domain the demo tenant is not granted. */
const foreign: Record<string, string> = {};

before(async () => {
  stack = await startStack();
  const data = await stack.ok(`{
    domains(vendor: INFINITY) { id
      users(first: 2) { nodes { id } } groups(first: 1) { nodes { id } } devices(first: 1) { nodes { id } }
      trustedNetworks(first: 1) { nodes { id } } queues(first: 1) { nodes { id members { id } } } }
    providers { nodes { id } }
    accounts { id } }`);
  const [own, other] = data.domains;
  const fill = (into: Record<string, string>, d: any) => {
    Object.assign(into, {
      Domain: d.id,
      User: d.users.nodes[0].id,
      Group: d.groups.nodes[0].id,
      Device: d.devices.nodes[0].id,
      TrustedNetwork: d.trustedNetworks.nodes[0].id,
      Queue: d.queues.nodes[0].id,
      QueueMember: d.queues.nodes[0].members[0].id,
    });
  };
  fill(ids, own);
  if (other) fill(foreign, other);
  ids.Provider = data.providers.nodes[0].id;
  ids.Account = data.accounts[0].id;
  const intercom = stack.demo.settings.connections.find((c) => c.kind === '2n')!.name;
  ids.DeviceSipAccount = Buffer.from(`v1:Account:2n:${intercom}:1`, 'utf8').toString('base64url');
});
after(() => stack.stop());

const ID_TYPE_BY_ARG: Record<string, string> = {
  domainId: 'Domain',
  userId: 'User',
  userIds: 'User',
  groupId: 'Group',
  groupIds: 'Group',
  queueId: 'Queue',
  memberIds: 'QueueMember',
  deviceId: 'Device',
  accountId: 'Account',
};

/** The type an `id`/`…Id` argument names, from its name or its mutation's. */
function idType(mutation: string, name: string): string {
  if (ID_TYPE_BY_ARG[name]) return ID_TYPE_BY_ARG[name]!;
  const noun = mutation.replace(/^(create|update|delete|remove|set|add)/, '');
  return noun in ids ? noun : 'Domain';
}

function valid(type: GraphQLInputType, mutation: string, name: string): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [valid(inner.ofType as GraphQLInputType, mutation, name)];
  if (isInputObjectType(inner)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(inner.getFields())) {
      if (isNonNullType(field.type) || field.name === 'domainId')
        out[field.name] = valid(field.type, mutation, field.name);
    }
    return out;
  }
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  const VALID: Record<string, unknown> = {
    String: 'fuzz',
    MacAddress: '00:11:22:33:44:55',
    Cidr: '10.1.0.0/16',
    Port: 5060,
    Extension: '7799',
    Int: 1,
    Boolean: true,
  };
  if (inner.name === 'ID') return ids[idType(mutation, name)];
  return VALID[inner.name] ?? 'fuzz';
}

/** A leaf of a mutation's arguments: the path to it and its type. */
interface Leaf {
  path: string[];
  type: GraphQLInputType;
  name: string;
}

function leaves(type: GraphQLInputType, path: string[], name: string): Leaf[] {
  const inner = getNullableType(type);
  if (isInputObjectType(inner))
    return Object.values(inner.getFields()).flatMap((f) => leaves(f.type, [...path, f.name], f.name));
  return [{ path, type, name }];
}

function crafted(base: string, index: number, value: string): string {
  const parts = Buffer.from(base, 'base64url').toString('utf8').split(':');
  parts[index] = encodeURIComponent(value);
  return Buffer.from(parts.join(':'), 'utf8').toString('base64url');
}

const hugeUnicode = fc.string({ unit: 'grapheme', minLength: 300, maxLength: 600 });
const controlled = fc
  .tuple(
    fc.string({ maxLength: 10 }),
    fc.constantFrom('\u0000', '\r', '\n', '\r\n', '\t', '\u001b', '\u007f'),
    fc.string({ maxLength: 10 }),
  )
  .map(([a, c, b]) => `${a}${c}${b}`);
const broken = fc.string({ maxLength: 10 }).map((s) => `${s}\ud800`);
const badString = fc.oneof(hugeUnicode, controlled, broken, fc.constant('x'.repeat(100_000)));

function badValues(leaf: Leaf, mutation: string): fc.Arbitrary<unknown> {
  const named = getNamedType(leaf.type);
  const list = isListType(getNullableType(leaf.type));
  const wrap = (arb: fc.Arbitrary<unknown>) => (list ? arb.map((v) => [v]) : arb);
  const nulls = isNonNullType(leaf.type) ? [fc.constant(null)] : [];
  if (named.name === 'ID') {
    const base = ids[idType(mutation, leaf.name)]!;
    const others = Object.entries(ids)
      .filter(([t]) => t !== idType(mutation, leaf.name))
      .map(([, id]) => id);
    const smuggled = fc
      .tuple(fc.integer({ min: 4, max: 6 }), fc.constantFrom('..', '.', '', '../1', '%2e%2e', '1?x', '1#', '1\r\n'))
      .map(([i, v]) => crafted(base, i, v));
    return fc.oneof(wrap(fc.constantFrom(...others)), wrap(smuggled), wrap(fc.string({ maxLength: 40 })), ...nulls);
  }
  const byScalar: Record<string, fc.Arbitrary<unknown>> = {
    String: badString,
    MacAddress: fc.oneof(
      fc.constantFrom('00:11:22:33:44', 'zz:11:22:33:44:55', '00:11:22:33:44:55:66', '', '001122334455x'),
      badString,
    ),
    Cidr: fc.constantFrom('10.0.0.0/33', '300.1.1.1/8', '10.0.0.0', '::/129', 'abc/1', '', '0.0.0.0/-1'),
    Port: fc.constantFrom(0, -1, 65_536, 1.5, '0', 'http', 2 ** 31),
    Extension: fc.constantFrom('1', 'abc', '123456789', '', '12 3', '７７'),
    Int: fc.constantFrom(2 ** 31, 1.5, '1', -1e12, -1),
    Boolean: fc.constantFrom('yes', 1, 'true'),
    DateTime: fc.constantFrom('yesterday', '2026-13-40T00:00:00Z'),
  };
  const arb = isEnumType(named) ? fc.constantFrom('NOT_A_VALUE', 'asc', 1) : (byScalar[named.name] ?? badString);
  return fc.oneof(wrap(arb), ...nulls);
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let at = target;
  for (const key of path.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
  at[path[path.length - 1]!] = value;
}

function documentFor(field: GraphQLField<unknown, unknown>): string {
  const defs = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation${defs ? `(${defs})` : ''} { ${field.name}${args ? `(${args})` : ''} { __typename } }`;
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

test(
  'every mutation refuses generated invalid input with a code and writes nothing',
  { timeout: 120_000 },
  async () => {
    const mutations = Object.values(buildSchema().getMutationType()!.getFields()).filter((f) => f.args.length > 0);
    const byName = new Map(mutations.map((f) => [f.name, f]));
    const cases = mutations.flatMap((field) =>
      field.args
        .flatMap((arg) => leaves(arg.type, [arg.name], arg.name))
        .map((leaf) => ({ mutation: field.name, leaf })),
    );
    const outcomes = new Map<string, number>();
    const arbitrary = fc.constantFrom(...cases).chain(({ mutation, leaf }) =>
      fc.record({
        mutation: fc.constant(mutation),
        path: fc.constant(leaf.path.join('.')),
        bad: badValues(leaf, mutation),
      }),
    );
    const tenantForeign = fc.constantFrom(
      ...mutations.filter((f) => f.args.some((a) => a.name === 'id' || a.name.endsWith('Id'))).map((f) => f.name),
    );

    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 9, arbitrary },
          {
            weight: 1,
            arbitrary: tenantForeign.map((mutation) => ({ mutation, path: '', bad: undefined as unknown })),
          },
        ),
        async ({ mutation, path, bad }) => {
          const field = byName.get(mutation)!;
          const variables: Record<string, unknown> = {};
          for (const arg of field.args) variables[arg.name] = valid(arg.type, field.name, arg.name);
          if (path) setPath(variables, path.split('.'), bad);
          else if (Object.keys(foreign).length > 0) {
            // All valid, but naming the domain the tenant is not granted.
            for (const arg of field.args)
              if (arg.name === 'id' || arg.name.endsWith('Id'))
                variables[arg.name] = foreign[idType(field.name, arg.name)] ?? variables[arg.name];
            if (variables.input && typeof variables.input === 'object' && 'domainId' in (variables.input as object))
              (variables.input as Record<string, unknown>).domainId = foreign.Domain;
          }
          const client = path ? stack : stack.as(stack.demo.keys.tenant);
          const { result, calls } = await stack.counting(() => client.gql(documentFor(field), variables));
          const codes = (result.errors ?? []).map((e) => String(e.extensions?.code));
          const key = codes[0] ?? 'ACCEPTED';
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
          const writes = Object.values(calls)
            .flat()
            .filter((c) => WRITE.has(c.method) && c.status < 300);
          const what = `${field.name} ${path || '(as the tenant, on the other domain)'} = ${JSON.stringify(bad)?.slice(0, 80)}`;
          if (codes.length === 0 || codes.includes('INTERNAL_SERVER_ERROR') || writes.length > 0)
            console.log(
              'fuzz failure:',
              what,
              JSON.stringify(result).slice(0, 400),
              writes.map((c) => `${c.method} ${c.path}`),
            );
          assert.ok(codes.length > 0, `${what} was accepted`);
          assert.ok(
            !codes.includes('INTERNAL_SERVER_ERROR') && !codes.includes('undefined'),
            `${what}: ${JSON.stringify(result.errors)}`,
          );
          assert.deepEqual(
            writes.map((c) => `${c.method} ${c.path}`),
            [],
            `${what} wrote to a vendor`,
          );
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(
      `fuzz: ${RUNS} inputs over ${mutations.length} mutations (${cases.length} leaves), seed ${SEED}; by outcome:`,
      Object.fromEntries([...outcomes].sort()),
    );
  },
);
