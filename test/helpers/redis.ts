/**
 * A real Redis for tests: REDIS_URL when CI provides one (.ci/run starts redis-server), else a
 * redis-server this process starts on a free loopback port, else none (the caller skips, saying why).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function reachable(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export async function startTestRedis(): Promise<TestRedis | { unavailable: string }> {
  if (process.env.REDIS_URL) {
    if (await reachable(process.env.REDIS_URL)) return { url: process.env.REDIS_URL, stop: async () => {} };
    return { unavailable: `REDIS_URL=${process.env.REDIS_URL} does not answer` };
  }
  const port = await freePort();
  let child: ChildProcess;
  try {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      child.once('spawn', () => resolve());
    });
  } catch {
    return { unavailable: 'no REDIS_URL and no redis-server on PATH (.ci/run installs it)' };
  }
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await reachable(url)); i += 1) await sleep(100);
  return {
    url,
    stop: async () => {
      child.kill();
    },
  };
}
