/**
 * OpenTelemetry tracing, off by default: a span per GraphQL operation (child of the caller's W3C
 * `traceparent` when one came in) and a span per vendor HTTP call under it, whose `traceparent`
 * goes to the vendor. Vendor calls are traced by OpenTelemetry's undici instrumentation, which
 * listens on undici's diagnostics channels: the upstream client has no tracing code.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { UndiciInstrumentation, type UndiciRequest } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  NodeTracerProvider,
  ParentBasedSampler,
  SimpleSpanProcessor,
  TraceIdRatioBasedSampler,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import type { ObservabilitySettings } from './config.js';
import { identifyCall } from './upstream-calls.js';

const TRACER = 'sipgraph';

export interface Tracing {
  /** Runs one GraphQL request inside its operation span, parented on the caller's traceparent. */
  runRequest<T>(headers: IncomingHttpHeaders, run: () => Promise<T>): Promise<T>;
  /** Names the operation span and records the outcome. */
  plugin(): ApolloServerPlugin;
  shutdown(): Promise<void>;
}

function vendorCallOf(request: UndiciRequest) {
  return identifyCall(originOf(request.origin), request.method, request.path);
}

function originOf(origin: unknown): string {
  try {
    return new URL(String(origin)).origin;
  } catch {
    return '';
  }
}

/** `exporter` replaces the OTLP exporter (tests use an in-memory one), and exports each span at once. */
export function startTracing(settings: ObservabilitySettings['tracing'], exporter?: SpanExporter): Tracing {
  const processor = exporter
    ? new SimpleSpanProcessor(exporter)
    : new BatchSpanProcessor(new OTLPTraceExporter({ url: settings.otlpEndpoint }));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(settings.sampleRatio) }),
    spanProcessors: [processor],
  });
  // Registers the AsyncLocalStorage context manager and the W3C trace-context propagator.
  provider.register();
  const vendorCalls = new UndiciInstrumentation({
    requireParentforSpans: true,
    ignoreRequestHook: (request) => vendorCallOf(request) === undefined,
    startSpanHook: (request) => {
      const call = vendorCallOf(request);
      return call
        ? { 'sipgraph.vendor': call.vendor, 'sipgraph.connection': call.connection, 'http.route': call.route }
        : {};
    },
    requestHook: (span, request) => {
      const call = vendorCallOf(request);
      if (call) span.updateName(`${call.method} ${call.connection} ${call.route}`);
    },
  });
  vendorCalls.setTracerProvider(provider);
  vendorCalls.enable();
  const tracer = provider.getTracer(TRACER);

  return {
    runRequest(headers, run) {
      const parent = propagation.extract(context.active(), headers);
      const span = tracer.startSpan('graphql', { kind: SpanKind.SERVER }, parent);
      return context.with(trace.setSpan(parent, span), async () => {
        try {
          return await run();
        } catch (error) {
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
          throw error;
        } finally {
          span.end();
        }
      });
    },
    plugin: () => ({
      async requestDidStart() {
        const span: Span | undefined = trace.getActiveSpan();
        return {
          async didResolveOperation({ operation, operationName }) {
            const type = operation?.operation ?? 'query';
            span?.setAttributes({ 'graphql.operation.type': type, 'graphql.operation.name': operationName ?? '' });
            span?.updateName(`${type}${operationName ? ` ${operationName}` : ''}`);
          },
          async willSendResponse({ response, errors }) {
            const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
            const sent = result?.errors ?? errors ?? [];
            if (sent.length === 0) return;
            const codes = [...new Set(sent.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
            span?.setAttribute('sipgraph.error_codes', codes);
            span?.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(',') });
          },
        };
      },
    }),
    async shutdown() {
      vendorCalls.disable();
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}
