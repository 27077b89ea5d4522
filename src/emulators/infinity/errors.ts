/** The one error every layer of the emulator throws: it carries the HTTP status Infinity answers with. */
export class InfinityError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404,
    message: string,
  ) {
    super(message);
    this.name = 'InfinityError';
  }
}

/** 400 whose message starts with the offending param, as docs/vendors.md requires. */
export function badParam(param: string, problem: string): InfinityError {
  return new InfinityError(400, `${param}: ${problem}`);
}

export function notFound(what: string, id: number | string): InfinityError {
  return new InfinityError(404, `${what} ${id} not found`);
}
