/** The `observability` config section: metrics on by default, tracing off until an endpoint is given. */
import { z } from 'zod';

export const observabilitySchema = z
  .object({
    metrics: z
      .object({
        /** Serve Prometheus metrics on /metrics of the gateway's own port. */
        enabled: z.boolean().default(true),
      })
      .strict()
      .default({ enabled: true }),
    tracing: z
      .object({
        enabled: z.boolean().default(false),
        /** OTLP/HTTP traces endpoint, e.g. http://otel-collector:4318/v1/traces. */
        otlpEndpoint: z.url({ protocol: /^https?$/ }).optional(),
        serviceName: z.string().min(1).default('sipgraph'),
        /** Share of new traces kept; a caller's sampled `traceparent` is always followed. */
        sampleRatio: z.number().min(0).max(1).default(1),
      })
      .strict()
      .refine((tracing) => !tracing.enabled || tracing.otlpEndpoint, {
        message: 'otlpEndpoint is required when tracing is enabled',
        path: ['otlpEndpoint'],
      })
      .default({ enabled: false, serviceName: 'sipgraph', sampleRatio: 1 }),
  })
  .strict()
  .default({ metrics: { enabled: true }, tracing: { enabled: false, serviceName: 'sipgraph', sampleRatio: 1 } });

export type ObservabilitySettings = z.infer<typeof observabilitySchema>;
