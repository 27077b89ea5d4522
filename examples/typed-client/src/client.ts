/**
 * A minimal typed client over fetch: the result and variables types come from the document, so
 * a renamed field or a wrong variable is a compile error in the frontend, not a runtime surprise.
 */
import type { TypedDocumentString } from './gql/graphql.js';

export interface GraphQLError {
  message: string;
  extensions?: { code?: string } & Record<string, unknown>;
}

export class GatewayRequestError extends Error {
  constructor(readonly errors: GraphQLError[]) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  }
}

export interface ClientOptions {
  url: string;
  apiKey: string;
  /** Send only the document's hash (for a gateway running trusted documents). */
  byHash?: boolean;
}

export function createClient({ url, apiKey, byHash = false }: ClientOptions) {
  return async function execute<Result, Variables>(
    document: TypedDocumentString<Result, Variables>,
    variables: Variables,
  ): Promise<Result> {
    // The manifest names documents `sha256:<hex>`; the persisted-query extension wants the hex.
    const hash = (document.__meta__?.hash as string | undefined)?.replace(/^sha256:/, '');
    const body =
      byHash && hash
        ? { variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }
        : { query: document.toString(), variables };
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify(body),
    });
    const payload = (await response.json()) as { data?: Result; errors?: GraphQLError[] };
    if (payload.errors?.length || !payload.data)
      throw new GatewayRequestError(payload.errors ?? [{ message: `HTTP ${response.status}` }]);
    return payload.data;
  };
}
