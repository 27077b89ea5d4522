/**
 * The abusive documents measured in the security issue, each sent to the demo gateway: every one
 * must be refused with a code before any vendor call (the emulators' request logs stay still), and
 * the cost rule's work must stay linear in the document (counted in visits, not milliseconds).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { measureOperation } from '../../src/limits.js';
import { buildSchema } from '../../src/schema.js';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let domainId: string;
let nodeIds: string[];
before(async () => {
  stack = await startStack();
  const data = await stack.ok('{ domains { id vendor users(first: 30) { nodes { id } } } }');
  const infinity = data.domains.find((d: { vendor: string }) => d.vendor === 'INFINITY');
  domainId = infinity.id;
  nodeIds = infinity.users.nodes.map((u: { id: string }) => u.id);
});
after(() => stack.stop());

/** A page of pages: with `first: 1000` a literal would be refused; as a variable it must be too. */
const NESTED_PAGES =
  'query($n: Int) { domains { users(first: $n) { nodes { deviceAssignments(first: $n) { nodes { device { name } } } } } } }';

interface Abuse {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

/** F0 selects a list; each F(k) spreads F(k-1) twice: 2^depth selections from a tiny document. */
function fragmentBomb(depth: number): string {
  const fragments = ['fragment F0 on Domain { users(first: 1) { nodes { userName } } }'];
  for (let k = 1; k <= depth; k += 1) fragments.push(`fragment F${k} on Domain { ...F${k - 1} ...F${k - 1} }`);
  return `{ domains { ...F${depth} } } ${fragments.join(' ')}`;
}

function abuses(): Abuse[] {
  const many = (n: number, render: (i: number) => string) => Array.from({ length: n }, (_, i) => render(i)).join(' ');
  const ids = Array.from({ length: 21_000 }, (_, i) => nodeIds[i % nodeIds.length]);
  return [
    {
      name: 'nodes(ids:) naming 21,000 ids',
      query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: { ids },
    },
    {
      name: '31 aliases (one over the limit)',
      query: `query($d: ID!) { ${many(31, (i) => `a${i}: domain(id: $d) { name }`)} }`,
      variables: { d: domainId },
    },
    {
      name: '1,000 distinct aliases',
      query: `query($d: ID!) { ${many(1000, (i) => `a${i}: domain(id: $d) { name }`)} }`,
      variables: { d: domainId },
    },
    {
      name: '200 aliased writes',
      query: `mutation($d: ID!) { ${many(200, (i) => `w${i}: updateDomain(id: $d, input: {displayName: "w${i}"}) { id }`)} }`,
      variables: { d: domainId },
    },
    {
      name: '`first` passed as a variable',
      query: NESTED_PAGES,
      variables: { n: 1000 },
    },
    { name: 'exponential fragment spreads', query: fragmentBomb(40) },
    { name: 'a 30,000-alias document', query: `{ ${many(30_000, (i) => `a${i}: connections { name }`)} }` },
    {
      name: '11 writes in one request (no aliases needed past the limit)',
      query: `mutation($d: ID!) { ${many(11, (i) => `w${i}: updateDomain(id: $d, input: {displayName: "w"}) { id }`)} }`,
      variables: { d: domainId },
    },
  ];
}

describe('abusive documents', () => {
  test('each is refused with a code before any vendor call', async () => {
    let accepted = 0;
    const outcomes: string[] = [];
    for (const abuse of abuses()) {
      const body = JSON.stringify({ query: abuse.query, variables: abuse.variables });
      const { result, total } = await stack.counting(async () => {
        const response = await stack.post(abuse.query, abuse.variables);
        return {
          status: response.status,
          json: (await response.json()) as {
            errors?: Array<{ message: string; extensions?: { code?: string; limit?: string } }>;
          },
        };
      });
      const error = result.json.errors?.[0];
      outcomes.push(
        `${abuse.name} (${body.length} bytes): HTTP ${result.status} ${error?.extensions?.code}/${error?.extensions?.limit} — ${error?.message}`,
      );
      if (!error) accepted += 1;
      assert.equal(
        error?.extensions?.code,
        'QUERY_TOO_COMPLEX',
        `${abuse.name}: ${JSON.stringify(result.json).slice(0, 300)}`,
      );
      assert.equal(result.status, 400, abuse.name);
      assert.equal(total, 0, `${abuse.name} reached a vendor`);
    }
    console.log(`abusive documents accepted: ${accepted} of ${outcomes.length}\n  ${outcomes.join('\n  ')}`);
  });

  test('within the limits the same shapes are answered', async () => {
    const small = await stack.gql(NESTED_PAGES, { n: 2 });
    assert.equal(small.errors, undefined);
    const few = await stack.gql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: nodeIds.slice(0, 20) });
    assert.equal(few.errors, undefined);
    assert.equal((few.data as { nodes: unknown[] }).nodes.length, 20);
  });

  test('the cost rule visits each selection of the document once, however its fragments spread', () => {
    const schema = buildSchema();
    for (const depth of [10, 20, 40]) {
      const document = parse(fragmentBomb(depth));
      const fragments: Record<string, FragmentDefinitionNode> = {};
      let operation: OperationDefinitionNode | undefined;
      for (const definition of document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
        if (definition.kind === Kind.OPERATION_DEFINITION) operation = definition;
      }
      const measure = measureOperation(schema, operation!, fragments)!;
      // one `domains`, its spread, F0's `users`/`nodes`/`userName`, two spreads per other fragment
      assert.equal(measure.visits, 2 + 3 + 2 * depth);
      assert.equal(measure.cost, 5 * (1 + 2 ** depth * 2));
    }
  });
});
