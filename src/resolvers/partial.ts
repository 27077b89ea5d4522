/**
 * Root lists gathered from several connections: a failing connection must not blank the others.
 * Each connection's items come back in order; a connection that failed contributes one Error in
 * their place, which GraphQL reports at that list index (with its code, vendor and connection)
 * while the healthy connections' items resolve. The list's items are therefore nullable.
 */
export async function gatherFromEach<S, T>(sources: S[], read: (source: S) => Promise<T[]>): Promise<Array<T | Error>> {
  const settled = await Promise.allSettled(sources.map(read));
  return settled.flatMap((outcome): Array<T | Error> => {
    if (outcome.status === 'fulfilled') return outcome.value;
    const reason: unknown = outcome.reason;
    return [reason instanceof Error ? reason : new Error(String(reason))];
  });
}
