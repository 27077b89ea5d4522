/**
 * A gateway in its own process (`node --import tsx src/main.ts --config <temp file>`), for tests
 * that need a second replica, a SIGKILL or a SIGTERM. The emulators stay in the test process;
 * the child reaches them over loopback like any vendor.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphQLResponse } from './stack.js';

export interface ChildGateway {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
}

export function writeTempConfig(config: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sipgraph-child-'));
  const path = join(dir, 'config.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}

export function tempJournalPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'sipgraph-journal-')), 'journal.jsonl');
}

/** Posts a GraphQL request as the holder of `apiKey`; `headers` add to it (an Idempotency-Key, say). */
export async function postGql<T = any>(
  url: string,
  apiKey: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<T>;
}

/** A gateway process over the config file; `apiKey` (an admin key of that config) is what `gql` sends. */
export async function spawnGateway(
  configPath: string,
  env: Record<string, string>,
  apiKey: string,
): Promise<ChildGateway> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--config', configPath], {
    env: { ...process.env, ...env, PORT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child gateway did not start:\n${output}`)), 30_000);
    const onData = (): void => {
      const match = /sipgraph is ready: (\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`child gateway exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  return {
    url,
    child,
    exited,
    output: () => output,
    gql: (query, variables, headers) => postGql(url, apiKey, query, variables, headers),
  };
}
