/**
 * GraphiQL, served from the installed packages (graphiql, react, react-dom UMD builds): no CDN,
 * so it works offline and behind strict egress rules.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The only files served, by URL name: nothing else of node_modules is reachable. */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

export const GRAPHIQL_ASSET_PREFIX = '/graphiql/';

const cache = new Map<string, Buffer>();

export function graphiqlAsset(name: string): { body: Buffer; type: string } | undefined {
  const asset = ASSETS[name];
  if (!asset) return undefined;
  let body = cache.get(name);
  if (!body) {
    // The UMD builds are not in the packages' "exports": find each package by its package.json.
    body = readFileSync(join(dirname(require.resolve(`${asset.pkg}/package.json`)), asset.file));
    cache.set(name, body);
  }
  return { body, type: asset.type };
}

const EXAMPLE_QUERY = `# sipgraph: one GraphQL API over your SIP vendors.
# Try: domain -> users -> groups and devices, in the fewest vendor calls.
query DomainsUsersGroupsDevices {
  domains {
    id
    name
    vendor
    users(first: 5) {
      nodes {
        userName
        extension
        groups { name extension }
        devices { name macAddress }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
}
`;

/** `headers` prefill GraphiQL's headers pane (the demo's admin key), so the first query just works. */
export function graphiqlPage(endpoint: string, headers?: Record<string, string>): string {
  const headerText = JSON.stringify(JSON.stringify(headers ?? {}, null, 2)).replace(/</g, '\\u003c');
  const headerProps = headers ? `, headers: ${headerText}, shouldPersistHeaders: false` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>sipgraph · GraphiQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${GRAPHIQL_ASSET_PREFIX}graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="${GRAPHIQL_ASSET_PREFIX}react.js"></script>
<script src="${GRAPHIQL_ASSET_PREFIX}react-dom.js"></script>
<script src="${GRAPHIQL_ASSET_PREFIX}graphiql.js"></script>
<script>
  const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(EXAMPLE_QUERY)}, defaultEditorToolsVisibility: true${headerProps} }),
  );
</script>
</body>
</html>`;
}
