/**
 * Every Int a client can send is bounded in the SDL (`@bounded(min:, max:)`, schema/bounds.graphql),
 * so no integer reaches a vendor unchecked; only the page size `first` is bounded elsewhere (by
 * `limits.maxPageSize`, src/resolvers/shared.ts). A new Int input without its bounds fails here.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  GraphQLInt,
  getNamedType,
  isInputObjectType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputField,
} from 'graphql';
import { boundOf } from '../../src/abuse/input-bounds.js';
import { buildSchema } from '../../src/schema.js';

const PAGE_SIZE = 'first';

function intInputs(): Array<{ where: string; definition: GraphQLArgument | GraphQLInputField }> {
  const found: Array<{ where: string; definition: GraphQLArgument | GraphQLInputField }> = [];
  for (const type of Object.values(buildSchema().getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInputObjectType(type))
      for (const field of Object.values(type.getFields()))
        if (getNamedType(field.type) === GraphQLInt)
          found.push({ where: `${type.name}.${field.name}`, definition: field });
    if (isObjectType(type))
      for (const field of Object.values(type.getFields()))
        for (const arg of field.args)
          if (getNamedType(arg.type) === GraphQLInt && arg.name !== PAGE_SIZE)
            found.push({ where: `${type.name}.${field.name}(${arg.name})`, definition: arg });
  }
  return found;
}

test('every Int input field and argument declares @bounded(min:, max:)', () => {
  const inputs = intInputs();
  assert.ok(inputs.length >= 10, `found ${inputs.length} Int inputs`);
  const unbounded = inputs.filter(({ definition }) => {
    const { min, max } = boundOf(definition);
    return min === undefined || max === undefined || min > max;
  });
  assert.deepEqual(
    unbounded.map((u) => u.where),
    [],
  );
});

test('the bounds are the ones docs/vendors.md lists', () => {
  const bounds = Object.fromEntries(
    intInputs().map(({ where, definition }) => {
      const { min, max } = boundOf(definition);
      return [where, `${min}..${max}`];
    }),
  );
  assert.deepEqual(bounds, {
    'CreateUserInput.ukPhoneId': '1..2147483647',
    'CreateUserInput.usPhoneId': '1..2147483647',
    'AddQueueMemberInput.ringAttempts': '1..100',
    'AddQueueMemberInput.ringSeconds': '1..3600',
    'AddQueueMemberInput.ringOrder': '1..9999',
    'UpdateQueueMemberInput.ringAttempts': '1..100',
    'UpdateQueueMemberInput.ringSeconds': '1..3600',
    'UpdateQueueMemberInput.ringOrder': '1..9999',
    'CreateProviderInput.reregisterInterval': '0..86400',
    'UpdateProviderInput.reregisterInterval': '0..86400',
    'Mutation.setDoNotDisturb(durationMinutes)': '1..525600',
  });
});
