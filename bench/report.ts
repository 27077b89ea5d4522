/** The printed tables of `npm run bench`: one row per case and gateway, then the ratios. */
import { round, type Figures } from './measure.js';

export type GatewayFigures = Figures & { ofCeiling: number | null };

export interface CaseResult {
  name: string;
  minimumCalls: number;
  shape: string;
  latencyMs: number;
  connections: number;
  domains: number;
  minimumRounds: number;
  /** connections ÷ (minimum rounds × latency), requests/s; null at 0 ms. */
  ceiling: number | null;
  /** sipgraph's `explain` prediction of its calls per query; null when it does not answer it. */
  predictedCalls: number | null;
  /** Distinct case: sipgraph's prediction and calls for the first query to a domain it had not seen. */
  firstTouch?: { predictedCalls: number | null; calls: number };
  sipgraph?: GatewayFigures;
  naive?: GatewayFigures;
  mesh?: GatewayFigures;
  naiveCalls?: number;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))
    .join('\n');
}

const percent = (fraction: number | null) => (fraction === null ? 'n/a' : `${Math.round(fraction * 100)}%`);
/** n/a when the other side answered nothing in the run: no ratio to speak of. */
const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : `${round(a / b)}x`);
const GATEWAYS = ['sipgraph', 'naive', 'mesh'] as const;

export function printCases(results: CaseResult[]): void {
  const rows = [
    [
      'case',
      'gateway',
      'calls',
      'min',
      'predicted',
      'rounds',
      'req/s',
      'ceiling',
      'of ceiling',
      'p50 ms',
      'p99 ms',
      'CPU ms/q',
      'RSS MB',
      'calls/q, all at once',
      'failed',
    ],
  ];
  for (const r of results) {
    for (const name of GATEWAYS) {
      const f = r[name];
      if (!f) continue;
      rows.push([
        r.name,
        name,
        String(f.upstreamCalls),
        String(r.minimumCalls),
        name === 'sipgraph' ? (r.predictedCalls === null ? 'n/a' : String(r.predictedCalls)) : '',
        String(f.rounds),
        String(f.rps),
        r.ceiling === null ? 'n/a' : String(r.ceiling),
        percent(f.ofCeiling),
        String(f.p50Ms),
        String(f.p99Ms),
        String(f.cpuMsPerQuery),
        String(f.peakRssMb),
        String(f.concurrentCallsPerQuery),
        String(f.failedResponses),
      ]);
    }
  }
  console.log(`\n${table(rows)}\n`);
}

export function printRatios(results: CaseResult[]): void {
  const rows = [
    [
      'case',
      'sipgraph/naive req/s',
      'sipgraph/mesh req/s',
      'naive calls / sipgraph calls',
      'mesh calls / sipgraph calls',
      'sipgraph of ceiling',
    ],
  ];
  for (const r of results) {
    const s = r.sipgraph!;
    const n = r.naive!;
    const m = r.mesh;
    rows.push([
      r.name,
      ratio(s.rps, n.rps),
      m ? ratio(s.rps, m.rps) : 'n/a',
      ratio(n.upstreamCalls, s.upstreamCalls),
      m ? ratio(m.upstreamCalls, s.upstreamCalls) : 'n/a',
      percent(s.ofCeiling),
    ]);
  }
  console.log(`${table(rows)}\n`);
}
