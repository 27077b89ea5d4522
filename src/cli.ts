/**
 * The command line: what to run, read from arguments and environment in this one place.
 *
 *   sipgraph [--config FILE] [--port N] [--host H]   serve against the vendors in FILE
 *   sipgraph --demo                                   serve the embedded demo (emulated vendors)
 *   sipgraph --check-config FILE                      validate FILE (and its env secrets), then exit
 *   sipgraph print-schema                             write the GraphQL schema (SDL) to stdout
 *   sipgraph --help | --version
 *
 * Environment: SIPGRAPH_CONFIG (= --config), SIPGRAPH_DEMO=1 (= --demo), PORT, HOST, and
 * SIPGRAPH_ADDRESS_FILE (where to write the address served, for the container healthcheck).
 */
export type Command =
  | { kind: 'serve'; configPath: string; port?: number; host?: string; addressFile?: string; subgraph?: string }
  | { kind: 'demo'; port?: number; host?: string; addressFile?: string; subgraph?: string }
  | { kind: 'check-config'; configPath: string }
  | { kind: 'print-schema' }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: string };

export const USAGE = `sipgraph: one GraphQL API over the SIP provisioning APIs of several vendors

Usage:
  sipgraph --config FILE [--port N] [--host H]   serve against the vendors in FILE (YAML or JSON)
  sipgraph --demo [--port N] [--host H]          serve the embedded demo: every vendor emulated in-process
  ... --subgraph NAME                             serve as a federation subgraph: sipgraph, directory, pbx, 2n, sipthor
  sipgraph --check-config FILE                   validate FILE and the environment variables it names, then exit
  sipgraph print-schema                          print the GraphQL schema (SDL) the gateway serves
  sipgraph --help | --version

Environment:
  SIPGRAPH_CONFIG=FILE    same as --config FILE
  SIPGRAPH_DEMO=1         same as --demo
  PORT, HOST              override server.port / server.host of the config
  SIPGRAPH_DEMO_ADMIN_KEY, SIPGRAPH_DEMO_TENANT_KEY   the demo's API keys (random when unset)

Docs: README.md (config, API), docs/operations.md (metrics, health, traces), docs/deploy.md.
`;

const VALUE_FLAGS = new Set(['--config', '--check-config', '--port', '--host', '--subgraph']);
const BARE_FLAGS = new Set(['--demo', '--help', '-h', '--version', '-v']);

export function parseCommand(argv: string[], env: NodeJS.ProcessEnv): Command {
  const values = new Map<string, string>();
  const bare = new Set<string>();
  const words: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (VALUE_FLAGS.has(flag)) {
      const value = inline ?? argv[(i += 1)];
      if (value === undefined || value === '') return { kind: 'usage-error', message: `${flag} needs a value` };
      values.set(flag, value);
    } else if (BARE_FLAGS.has(flag)) bare.add(flag);
    else if (!flag.startsWith('-')) words.push(flag);
    else return { kind: 'usage-error', message: `unknown option ${flag}` };
  }
  if (bare.has('--help') || bare.has('-h')) return { kind: 'help' };
  if (bare.has('--version') || bare.has('-v')) return { kind: 'version' };
  if (words.length > 1 || (words[0] && words[0] !== 'print-schema'))
    return { kind: 'usage-error', message: `unknown command ${words.join(' ')}` };
  if (words[0] === 'print-schema') return { kind: 'print-schema' };
  const check = values.get('--check-config');
  if (check) return { kind: 'check-config', configPath: check };

  const portText = values.get('--port') ?? env.PORT;
  const port = portText === undefined || portText === '' ? undefined : Number(portText);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535))
    return { kind: 'usage-error', message: `port must be 0..65535, not ${portText}` };
  const host = values.get('--host') ?? (env.HOST || undefined);
  const addressFile = env.SIPGRAPH_ADDRESS_FILE || undefined;
  const subgraph = values.get('--subgraph');
  const where = {
    ...(port !== undefined ? { port } : {}),
    ...(host ? { host } : {}),
    ...(addressFile ? { addressFile } : {}),
    ...(subgraph ? { subgraph } : {}),
  };

  const configPath = values.get('--config') ?? (env.SIPGRAPH_CONFIG || undefined);
  const demo = bare.has('--demo') || env.SIPGRAPH_DEMO === '1' || env.SIPGRAPH_DEMO === 'true';
  if (configPath && demo)
    return { kind: 'usage-error', message: 'give either a config (--config / SIPGRAPH_CONFIG) or --demo, not both' };
  if (configPath) return { kind: 'serve', configPath, ...where };
  if (demo) return { kind: 'demo', ...where };
  return {
    kind: 'usage-error',
    message:
      'no configuration: give --config FILE (or SIPGRAPH_CONFIG=FILE) to serve real vendors, or --demo (or SIPGRAPH_DEMO=1) for the demo',
  };
}
