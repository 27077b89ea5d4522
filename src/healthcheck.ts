/**
 * The container's HEALTHCHECK: asks the running gateway's /healthz on the port it really listens
 * on, which the gateway wrote to SIPGRAPH_ADDRESS_FILE when it started (a config file, --port or
 * PORT may each have chosen it). Exit 0 when the process answers, 1 otherwise. Kept free of the
 * gateway's modules so each probe starts in milliseconds.
 */
import { readFileSync } from 'node:fs';

const TIMEOUT_MS = 2500;

async function probe(): Promise<number> {
  const file = process.env.SIPGRAPH_ADDRESS_FILE;
  if (!file) {
    process.stderr.write('healthcheck: SIPGRAPH_ADDRESS_FILE is not set\n');
    return 1;
  }
  let base: string;
  try {
    base = readFileSync(file, 'utf8').trim();
  } catch {
    process.stderr.write(`healthcheck: ${file} not written yet: the gateway is not listening\n`);
    return 1;
  }
  try {
    const response = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    await response.body?.cancel();
    // Any answer below 500 means the process serves HTTP (a 401 if a config closed the probe path).
    return response.status < 500 ? 0 : 1;
  } catch (error) {
    process.stderr.write(`healthcheck: ${base}/healthz did not answer (${(error as Error).message})\n`);
    return 1;
  }
}

process.exit(await probe());
