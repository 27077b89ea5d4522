/**
 * `npm run supergraph -- <name>=<url> ...` prints a supergraph composed with @apollo/composition.
 * sipgraph's subgraphs (sipgraph, directory, pbx, 2n, sipthor) take their SDL from
 * schema/federation/<name>.graphql; any other is asked for `_service { sdl }` at its URL, with
 * the `authorization` header from SIPGRAPH_AUTHORIZATION when set. Fails on any composition
 * error or hint.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function sdlOf(name: string, url: string): Promise<string> {
  const file = join(ROOT, 'schema', 'federation', `${name}.graphql`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const authorization = process.env.SIPGRAPH_AUTHORIZATION;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.json()) as { data?: { _service?: { sdl?: string } } };
  const sdl = body.data?._service?.sdl;
  if (!sdl) throw new Error(`${name}: ${url} did not answer _service { sdl } (HTTP ${response.status})`);
  return sdl;
}

const pairs = process.argv.slice(2).map((arg) => {
  const at = arg.indexOf('=');
  if (at < 1) throw new Error(`expected <name>=<url>, got "${arg}"`);
  return { name: arg.slice(0, at), url: arg.slice(at + 1) };
});
if (pairs.length === 0) throw new Error('usage: npm run supergraph -- <name>=<url> [<name>=<url> ...]');
const services = await Promise.all(
  pairs.map(async ({ name, url }) => ({ name, url, typeDefs: parse(await sdlOf(name, url)) })),
);
const result = composeServices(services);
const problems = [
  ...(result.errors ?? []).map((e) => `error: ${e.message}`),
  ...(result.hints ?? []).map((h) => `hint: ${h.message}`),
];
if (problems.length > 0 || !result.supergraphSdl) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write(result.supergraphSdl);
