/** The group planner from known counts: U per-user calls against 1 + G (or G once listed). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  LIST_GROUPS_EARLY_FROM_USERS,
  listGroupsEarly,
  planGroupsOfUsers,
} from '../../src/vendors/shared/group-planner.js';

test('one user: its own list, whatever the domain', () => {
  assert.equal(planGroupsOfUsers({ users: 1, groups: 0, groupsListed: true }), 'perUser');
  assert.equal(planGroupsOfUsers({ users: 0, groups: 0, groupsListed: false }), 'perUser');
});

test('many users, few groups: invert (1 + G < U)', () => {
  assert.equal(planGroupsOfUsers({ users: 100, groups: 6, groupsListed: false }), 'invert');
  assert.equal(planGroupsOfUsers({ users: 8, groups: 6, groupsListed: false }), 'invert');
});

test('the break-even: 1 + G = U stays per user; a list already made tips it to invert', () => {
  assert.equal(planGroupsOfUsers({ users: 7, groups: 6, groupsListed: false }), 'perUser');
  assert.equal(planGroupsOfUsers({ users: 7, groups: 6, groupsListed: true }), 'invert');
});

test('few users, many groups: per user', () => {
  assert.equal(planGroupsOfUsers({ users: 5, groups: 40, groupsListed: true }), 'perUser');
});

test('listing groups early: on known counts when inverting wins, on unknown ones from a threshold of users', () => {
  assert.equal(listGroupsEarly(100, 6), true);
  assert.equal(listGroupsEarly(7, 6), false);
  assert.equal(listGroupsEarly(LIST_GROUPS_EARLY_FROM_USERS, undefined), true);
  assert.equal(listGroupsEarly(LIST_GROUPS_EARLY_FROM_USERS - 1, undefined), false);
});
