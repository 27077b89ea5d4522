/**
 * A gateway as its own process, the way a deployment runs it: `node --import tsx src/main.ts
 * --config FILE`, the config written to a temp file, secrets in the child's environment.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Replica {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const ROOT = new URL('../..', import.meta.url).pathname;

export function writeTempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sipgraph-')), name);
  writeFileSync(path, content);
  return path;
}

export type GatewayProcess = Replica;

export async function startReplica(config: unknown, env: Record<string, string>): Promise<Replica> {
  const file = writeTempFile('config.json', JSON.stringify(config, null, 2));
  return startProcess(['--config', file], env);
}

/** `node --import tsx src/main.ts ARGS`, resolved once it prints the URL it serves. */
export async function startProcess(args: string[], env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const ready = /sipgraph is ready: (\S+)/.exec(stdout);
      if (ready) resolve(ready[1]!.replace('localhost', '127.0.0.1'));
    });
    child.once('exit', (code) => reject(new Error(`replica exited with ${code} before it was ready:\n${stderr}`)));
  });
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
