/**
 * The two journal stores. A local append-only JSONL file when no Redis is configured (one line per
 * event, appended in order; a SIGKILL loses nothing the kernel already has, `flush()` fsyncs), and
 * Redis when it is (a list per change, a set of unfinished ones, and a lease per running change so
 * another replica recovers only changes whose owner stopped renewing).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import type { SharedRedis } from '../redis.js';
import { foldEvents, type ChangeRecord, type Journal, type JournalEvent, type Owner } from './journal.js';

/** Runner instances alive in this process, and changes some recovery here has taken over. */
export const liveInstances = new Set<string>();
const claimedHere = new Set<string>();

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class FileJournal implements Journal {
  private handle: Promise<FileHandle>;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.handle = open(path, 'a');
  }

  append(event: JournalEvent): Promise<void> {
    const line = `${JSON.stringify(event)}\n`;
    // One write at a time, in order: a line is never interleaved with another.
    this.writing = this.writing.then(async () => {
      await (await this.handle).appendFile(line, 'utf8');
    });
    return this.writing;
  }

  private readAll(): Map<string, JournalEvent[]> {
    const byChange = new Map<string, JournalEvent[]>();
    let text = '';
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return byChange;
    }
    for (const line of text.split('\n')) {
      if (!line.trim()) continue;
      let event: JournalEvent;
      try {
        event = JSON.parse(line) as JournalEvent;
      } catch {
        continue; // a line torn by a crash mid-write: the events before it still tell the story
      }
      const list = byChange.get(event.changeId) ?? [];
      list.push(event);
      byChange.set(event.changeId, list);
    }
    return byChange;
  }

  async change(changeId: string): Promise<ChangeRecord | null> {
    await this.writing;
    return foldEvents(this.readAll().get(changeId) ?? []);
  }

  async unfinished(): Promise<ChangeRecord[]> {
    await this.writing;
    return [...this.readAll().values()]
      .map(foldEvents)
      .filter((c): c is ChangeRecord => c !== null && c.status === 'RUNNING');
  }

  async claim(change: ChangeRecord): Promise<boolean> {
    const { owner } = change;
    if (liveInstances.has(owner.instance) || claimedHere.has(change.id)) return false;
    if (owner.pid !== process.pid && owner.host === hostname() && pidAlive(owner.pid)) return false;
    claimedHere.add(change.id);
    return true;
  }

  async renew(): Promise<void> {}

  async flush(): Promise<void> {
    await this.writing;
    await (await this.handle).datasync();
  }

  async close(): Promise<void> {
    await this.flush();
    await (await this.handle).close();
  }
}

const FINISHED_TTL_MS = 7 * 24 * 3600 * 1000;

export class RedisJournal implements Journal {
  constructor(
    private readonly redis: SharedRedis,
    private readonly leaseMs: number,
  ) {}

  private key(suffix: string): string {
    return `${this.redis.prefix}journal:${suffix}`;
  }

  async append(event: JournalEvent): Promise<void> {
    const tx = this.redis.client.multi().rpush(this.key(`change:${event.changeId}`), JSON.stringify(event));
    if (event.type === 'change.started') {
      tx.sadd(this.key('open'), event.changeId).set(
        this.key(`lease:${event.changeId}`),
        event.owner.instance,
        'PX',
        this.leaseMs,
      );
    } else if (event.type === 'change.finished') {
      tx.srem(this.key('open'), event.changeId)
        .pexpire(this.key(`change:${event.changeId}`), FINISHED_TTL_MS)
        .del(this.key(`lease:${event.changeId}`));
    }
    const results = await tx.exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error('journal write aborted');
  }

  async change(changeId: string): Promise<ChangeRecord | null> {
    const lines = await this.redis.client.lrange(this.key(`change:${changeId}`), 0, -1);
    return foldEvents(lines.map((line) => JSON.parse(line) as JournalEvent));
  }

  async unfinished(): Promise<ChangeRecord[]> {
    const ids = await this.redis.client.smembers(this.key('open'));
    const changes = await Promise.all(ids.map((id) => this.change(id)));
    return changes.filter((c): c is ChangeRecord => c !== null && c.status === 'RUNNING');
  }

  async claim(change: ChangeRecord, owner: Owner): Promise<boolean> {
    if (liveInstances.has(change.owner.instance)) return false;
    const taken = await this.redis.client.set(this.key(`lease:${change.id}`), owner.instance, 'PX', this.leaseMs, 'NX');
    return taken === 'OK';
  }

  async renew(changeId: string): Promise<void> {
    await this.redis.client.pexpire(this.key(`lease:${changeId}`), this.leaseMs);
  }

  async flush(): Promise<void> {}

  async close(): Promise<void> {}
}
