import type { Resolvers } from '../generated/graphql.js';
import { createChecked } from '../provisioning/user-changes.js';
import { badInput } from '../errors.js';
import { encodeId } from '../ids.js';
import type { QueueMemberModel, QueueModel } from '../model.js';
import { connectionResolvers, defined, portRef, existing, type NodeLoader, patchOf } from './shared.js';

const queueId = (q: QueueModel): string => encodeId('Queue', q.vendor, q.connection, [q.domainId, q.queueId]);
const memberId = (m: QueueMemberModel): string =>
  encodeId('QueueMember', m.vendor, m.connection, [m.domainId, m.queueId, m.memberId]);

export const nodeLoaders: Record<string, NodeLoader> = {
  Queue: (ctx, id) => ctx.source('queues', id.connection).queue(id.key[0]!, id.key[1]!),
  QueueMember: (ctx, id) => ctx.source('queues', id.connection).queueMember(id.key[0]!, id.key[1]!, id.key[2]!),
};

export const queueResolvers: Resolvers = {
  Query: {
    queue: (_, { id }, ctx) => {
      const { source: queues, key } = portRef(ctx, 'queues', 'Queue', id);
      return existing(queues.queue(key[0]!, key[1]!), 'queue', id);
    },
    queueMember: (_, { id }, ctx) => {
      const { source: queues, key } = portRef(ctx, 'queues', 'QueueMember', id);
      return existing(queues.queueMember(key[0]!, key[1]!, key[2]!), 'queue member', id);
    },
  },
  Mutation: {
    createQueue: (_, { input }, ctx) => {
      const { source: queues, key } = portRef(ctx, 'queues', 'Domain', input.domainId, 'input.domainId');
      const { domainId: _domain, ...fields } = input;
      return createChecked(
        ctx,
        { connection: queues.connection, domainId: key[0]! },
        `queue ${fields.name}`,
        'queues.createQueue',
        defined(fields),
      );
    },
    updateQueue: (_, { id, input }, ctx) => {
      const { source: queues, key } = portRef(ctx, 'queues', 'Queue', id);
      return queues.updateQueue(key[0]!, key[1]!, patchOf(input));
    },
    deleteQueue: async (_, { id }, ctx) => {
      const { source: queues, key } = portRef(ctx, 'queues', 'Queue', id);
      await queues.deleteQueue(key[0]!, key[1]!);
      return { deletedId: id };
    },
    addQueueMember: (_, { input }, ctx) => {
      const { source: queues, key } = portRef(ctx, 'queues', 'Queue', input.queueId, 'input.queueId');
      const group = portRef(ctx, 'groups', 'Group', input.groupId, 'input.groupId');
      if (group.key[0] !== key[0] || group.id.connection !== queues.connection)
        throw badInput("input.groupId: the group must be in the queue's domain", 'input.groupId');
      return queues.createQueueMember(
        key[0]!,
        key[1]!,
        defined({ ...input, groupId: group.key[1], queueId: undefined }),
      );
    },
    updateQueueMember: (_, { id, input }, ctx) => {
      const { source: queues, key } = portRef(ctx, 'queues', 'QueueMember', id);
      const groupKey = input.groupId
        ? portRef(ctx, 'groups', 'Group', input.groupId, 'input.groupId').key[1]
        : undefined;
      return queues.updateQueueMember(
        key[0]!,
        key[1]!,
        key[2]!,
        patchOf({ ...input, groupId: input.groupId === null ? null : groupKey }),
      );
    },
    removeQueueMember: async (_, { id }, ctx) => {
      const { source: queues, key } = portRef(ctx, 'queues', 'QueueMember', id);
      await queues.deleteQueueMember(key[0]!, key[1]!, key[2]!);
      return { deletedId: id };
    },
    setQueueMemberOrder: async (_, { queueId: id, memberIds }, ctx) => {
      const { source: queues, key } = portRef(ctx, 'queues', 'Queue', id, 'queueId');
      const members = memberIds.map((m) => portRef(ctx, 'queues', 'QueueMember', m, 'memberIds'));
      if (members.some((m) => m.key[1] !== key[1] || m.key[0] !== key[0]))
        throw badInput('memberIds: every member must belong to the queue', 'memberIds');
      await queues.setQueueMemberOrder(
        key[0]!,
        key[1]!,
        members.map((m) => m.key[2]!),
      );
      return existing(queues.queue(key[0]!, key[1]!), 'queue', id);
    },
  },
  Queue: {
    id: queueId,
    domain: (queue, _, ctx) =>
      existing(ctx.source('directory', queue.connection).domain(queue.domainId), 'domain', queue.domainId),
    members: (queue, _, ctx) => ctx.source('queues', queue.connection).queueMembers(queue.domainId, queue.queueId),
  },
  QueueMember: {
    id: memberId,
    queue: (m, _, ctx) => existing(ctx.source('queues', m.connection).queue(m.domainId, m.queueId), 'queue', m.queueId),
    group: (m, _, ctx) => existing(ctx.source('groups', m.connection).group(m.domainId, m.groupId), 'group', m.groupId),
  },
  QueueConnection: connectionResolvers,
};
