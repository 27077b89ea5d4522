/**
 * Trusted documents: when enabled, only the operations in a manifest the frontend teams ship may
 * run; anything else is refused with OPERATION_NOT_ALLOWED before it is parsed, so an unknown
 * document costs the gateway a hash and no vendor call. Clients may send a manifest document by
 * its hash alone (`extensions.persistedQuery.sha256Hash`), as with persisted queries. Every
 * replica reads the same manifest file, so each refuses exactly the same requests.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ConfigError } from '../config.js';
import { ErrorCode } from '../errors.js';

export type Manifest = ReadonlyMap<string, string>;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Reads either manifest format; each document is stored under the SHA-256 of its exact text. */
export function loadManifest(path: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(path, [`trustedDocuments.manifest: cannot read it as JSON (${(error as Error).message})`]);
  }
  const bodies: string[] = [];
  const apollo = raw as { format?: string; operations?: Array<{ body?: unknown }> };
  if (apollo && apollo.format === 'apollo-persisted-query-manifest' && Array.isArray(apollo.operations)) {
    for (const operation of apollo.operations) if (typeof operation.body === 'string') bodies.push(operation.body);
  } else if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    for (const body of Object.values(raw)) if (typeof body === 'string') bodies.push(body);
  }
  if (bodies.length === 0) throw new ConfigError(path, ['trustedDocuments.manifest: no operations in it']);
  return new Map(bodies.map((body) => [sha256(body), body]));
}

/** Parsed in place of a refused document, so nothing of the refused text is parsed or validated. */
const PLACEHOLDER = '{ __typename }';

export function trustedDocumentsPlugin(manifest: Manifest): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const persisted = request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
      const hash = typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
      // A manifest document asked for by hash needs no registration on any replica.
      if (request.query === undefined && hash && manifest.has(hash)) request.query = manifest.get(hash);
      const trusted = request.query !== undefined ? manifest.has(sha256(request.query)) : false;
      if (trusted) return {};
      // Decided on the raw text, before parsing. Apollo answers errors only from didResolveOperation
      // on (earlier hooks become a 500), so the refused text is swapped for a constant document and
      // the refusal is raised there, still before validation rules or any resolver run.
      request.query = PLACEHOLDER;
      if (request.extensions) delete request.extensions.persistedQuery;
      return {
        async didResolveOperation() {
          throw new GraphQLError('this gateway runs only trusted documents, and this operation is not one of them', {
            extensions: { code: ErrorCode.OperationNotAllowed, http: { status: 403 } },
          });
        },
      };
    },
  };
}
