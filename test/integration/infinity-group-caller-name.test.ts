/**
 * "Update SIP Group" lists callerNameFormat without OPTIONAL, and a strict server refuses it empty.
 * A group the vendor holds without a format (made in the portal, say) must still be updatable: the
 * gateway then sends the documented default `{displayName}` (docs/vendors.md), never `""`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startStack, type Stack } from '../helpers/stack.js';

let stack: Stack;
let nativeDomain: number;

before(async () => {
  stack = await startStack();
  nativeDomain = stack.demo.states.infinity.domains()[0]!.domainId;
});
after(() => stack.stop());

/** A group staged on the vendor's side with no caller name format, and its gateway id. */
async function groupWithoutFormat(name: string, extension: string): Promise<string> {
  const group = stack.demo.states.infinity.createGroup(nativeDomain, {
    groupName: name,
    displayName: `${name} desk`,
    extensionNumber: extension,
    ringRetry: false,
    ringExclusive: false,
    callerNameFormat: '',
  });
  const data = await stack.ok(`{ domains { vendor groups(first: 100) { nodes { id name callerNameFormat } } } }`);
  const listed = data.domains
    .flatMap((d: { groups: { nodes: Array<{ id: string; name: string; callerNameFormat: string | null }> } }) =>
      d.groups.nodes.filter((g) => g.name === group.groupName),
    )
    .at(0);
  assert.equal(listed?.callerNameFormat, null, 'the staged group has no format');
  return listed.id as string;
}

const groupUpdatesSent = (calls: Record<string, Array<{ method: string; path: string; body: string }>>) =>
  (calls.infinity ?? [])
    .filter((c) => c.method === 'POST' && /\/groups\/\d+$/.test(c.path))
    .map((c) => new URLSearchParams(c.body));

describe('updateGroup of an Infinity group that has no callerNameFormat', () => {
  test('succeeds, sending the documented default {displayName} instead of an empty value', async () => {
    const id = await groupWithoutFormat('no-format', '7931');
    const { result, calls } = await stack.counting(() =>
      stack.gql(
        `mutation($id: ID!) { updateGroup(id: $id, input: {displayName: "Renamed"}) { displayName callerNameFormat } }`,
        {
          id,
        },
      ),
    );
    assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.deepEqual(result.data?.updateGroup, { displayName: 'Renamed', callerNameFormat: '{displayName}' });
    const sent = groupUpdatesSent(calls);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.get('callerNameFormat'), '{displayName}');
    assert.equal(sent[0]!.get('displayName'), 'Renamed');
  });

  test('a format given in the input is sent as given', async () => {
    const id = await groupWithoutFormat('no-format-2', '7932');
    const { result, calls } = await stack.counting(() =>
      stack.ok(
        `mutation($id: ID!) { updateGroup(id: $id, input: {callerNameFormat: "{dgrpName}: {displayName}"}) { callerNameFormat } }`,
        {
          id,
        },
      ),
    );
    assert.equal(result.updateGroup.callerNameFormat, '{dgrpName}: {displayName}');
    assert.equal(groupUpdatesSent(calls)[0]!.get('callerNameFormat'), '{dgrpName}: {displayName}');
  });

  test("a group's own format is kept when the input leaves it out", async () => {
    const data = await stack.ok(`{ domains { vendor groups(first: 1) { nodes { id callerNameFormat } } } }`);
    const group = data.domains.find((d: { vendor: string }) => d.vendor === 'INFINITY').groups.nodes[0];
    assert.ok(group.callerNameFormat, 'seeded groups have a format');
    const { calls } = await stack.counting(() =>
      stack.ok(`mutation($id: ID!) { updateGroup(id: $id, input: {ringRetry: true}) { id } }`, { id: group.id }),
    );
    assert.equal(groupUpdatesSent(calls)[0]!.get('callerNameFormat'), group.callerNameFormat);
  });
});
