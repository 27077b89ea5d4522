/** Infinity call queues and their members for one request (QueuePort). */
import type { Page, QueueMemberModel, QueueModel } from '../../model.js';
import type { ListOptions, QueueField, QueueInput, QueueMemberInput, QueuePort } from '../ports.js';
import { nullsAs, refuseUnclearable, withoutNulls, type Patch } from '../patch.js';
import { readBack } from '../shared/read-back.js';
import { joinKey, splitKey, type Keyed, type RequestCache } from '../shared/request-cache.js';
import type { InfinityClient } from './client.js';
import * as map from './map.js';
import { CLEARABLE, queueMemberParams, queueParams, toListQuery, toPage } from './params.js';
import { str } from './wire.js';
import { LIST_FIELDS } from './wire.js';

const byRingOrder = (a: QueueMemberModel, b: QueueMemberModel): number =>
  (a.ringOrder ?? Number.MAX_SAFE_INTEGER) - (b.ringOrder ?? Number.MAX_SAFE_INTEGER);

export class InfinityQueues implements QueuePort {
  readonly vendor = 'infinity' as const;
  private readonly queueById: Keyed<QueueModel | null>;
  private readonly membersOfQueue: Keyed<QueueMemberModel[]>;

  constructor(
    private readonly client: InfinityClient,
    readonly connection: string,
    private readonly cache: RequestCache,
  ) {
    this.queueById = cache.keyed(async (key) => {
      const [domainId, queueId] = splitKey(key);
      const row = await client.readQueue(domainId, queueId);
      return row ? map.toQueue(connection, domainId, row) : null;
    });
    this.membersOfQueue = cache.keyed(async (key) => {
      const [domainId, queueId] = splitKey(key);
      return (await client.listQueueMembers(domainId, queueId)).map((row) =>
        map.toQueueMember(connection, domainId, queueId, row),
      );
    });
  }

  queues(domainId: string, options: ListOptions<QueueField>): Promise<Page<QueueModel>> {
    return this.cache.once(`queues:${domainId}:${JSON.stringify(options)}`, async () => {
      const rows = await this.client.listQueues(domainId, toListQuery(LIST_FIELDS.queue, options));
      const queues = rows.map((row) => map.toQueue(this.connection, domainId, row));
      for (const queue of queues) this.queueById.prime(joinKey(domainId, queue.queueId), queue);
      return toPage(queues, options);
    });
  }

  queue(domainId: string, queueId: string): Promise<QueueModel | null> {
    return this.queueById.load(joinKey(domainId, queueId));
  }

  async createQueue(domainId: string, input: QueueInput): Promise<QueueModel> {
    const queueId = await this.cache.write(() => this.client.createQueue(domainId, queueParams(input)));
    return readBack(this, this.queue(domainId, queueId), 'queue', queueId);
  }

  async updateQueue(domainId: string, queueId: string, patch: Patch<QueueInput>): Promise<QueueModel> {
    refuseUnclearable(patch, CLEARABLE.queue, 'Infinity');
    await this.cache.write(() => this.client.updateQueue(domainId, queueId, queueParams(nullsAs(patch, () => ''))));
    return readBack(this, this.queue(domainId, queueId), 'queue', queueId);
  }

  deleteQueue(domainId: string, queueId: string): Promise<void> {
    return this.cache.write(() => this.client.deleteQueue(domainId, queueId));
  }

  async queueMembers(domainId: string, queueId: string): Promise<QueueMemberModel[]> {
    return [...(await this.membersOfQueue.load(joinKey(domainId, queueId)))].sort(byRingOrder);
  }

  queueMember(domainId: string, queueId: string, memberId: string): Promise<QueueMemberModel | null> {
    return this.cache.once(`queueMember:${domainId}:${queueId}:${memberId}`, async () => {
      const row = await this.client.readQueueMember(domainId, queueId, memberId);
      return row ? map.toQueueMember(this.connection, domainId, queueId, row) : null;
    });
  }

  /** "Create SIP queue member" requires `ringOrder`: without one the member goes after the last (from a fresh member list). */
  async createQueueMember(domainId: string, queueId: string, input: QueueMemberInput): Promise<QueueMemberModel> {
    const ringOrder = input.ringOrder ?? (await this.nextRingOrder(domainId, queueId));
    const memberId = await this.cache.write(() =>
      this.client.createQueueMember(domainId, queueId, queueMemberParams({ ...input, ringOrder })),
    );
    return readBack(this, this.queueMember(domainId, queueId, memberId), 'queue member', memberId);
  }

  async updateQueueMember(
    domainId: string,
    queueId: string,
    memberId: string,
    patch: Patch<QueueMemberInput>,
  ): Promise<QueueMemberModel> {
    refuseUnclearable(patch, [], 'Infinity');
    await this.cache.write(() =>
      this.client.updateQueueMember(domainId, queueId, memberId, queueMemberParams(withoutNulls(patch))),
    );
    return readBack(this, this.queueMember(domainId, queueId, memberId), 'queue member', memberId);
  }

  deleteQueueMember(domainId: string, queueId: string, memberId: string): Promise<void> {
    return this.cache.write(() => this.client.deleteQueueMember(domainId, queueId, memberId));
  }

  setQueueMemberOrder(domainId: string, queueId: string, memberIds: string[]): Promise<void> {
    return this.cache.write(() => this.client.setQueueMemberOrder(domainId, queueId, memberIds));
  }

  private async nextRingOrder(domainId: string, queueId: string): Promise<number> {
    const members = await this.client.listQueueMembers(domainId, queueId, true);
    return Math.max(0, ...members.map((row) => Number(str(row.ringOrder)) || 0)) + 1;
  }
}
