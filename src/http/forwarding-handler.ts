/**
 * A dispatch handler that passes every callback on to the handler below it. The gateway's
 * interceptors (the attempt tracer, the fair queue, the auth challenge) each extend it and override
 * only the callbacks they act on, so none of them can forget to pass one on.
 */
import type { Dispatcher } from 'undici';

export type Handler = Dispatcher.DispatchHandler;
export type Controller = Parameters<NonNullable<Handler['onResponseStart']>>[0];
export type Headers = Record<string, string | string[] | undefined>;

export class ForwardingHandler implements Handler {
  constructor(protected readonly downstream: Handler) {}

  onRequestStart(controller: Controller, context: unknown): void {
    this.downstream.onRequestStart?.(controller, context);
  }

  onRequestUpgrade(controller: Controller, status: number, headers: Headers, socket: never): void {
    this.downstream.onRequestUpgrade?.(controller, status, headers as never, socket);
  }

  onResponseStart(controller: Controller, status: number, headers: Headers, message: string): void {
    this.downstream.onResponseStart?.(controller, status, headers as never, message);
  }

  onResponseData(controller: Controller, chunk: Buffer): void {
    this.downstream.onResponseData?.(controller, chunk);
  }

  onResponseEnd(controller: Controller, trailers: Headers): void {
    this.downstream.onResponseEnd?.(controller, trailers as never);
  }

  onResponseError(controller: Controller, error: Error): void {
    this.downstream.onResponseError?.(controller, error);
  }
}
