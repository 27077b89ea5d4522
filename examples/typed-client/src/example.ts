/** What using it looks like: every field below is checked against the schema at compile time. */
import { createClient } from './client.js';
import { DomainsWithUsers, RenameUser } from './operations.js';

export async function listExtensions(url: string, apiKey: string): Promise<string[]> {
  const execute = createClient({ url, apiKey });
  const { domains } = await execute(DomainsWithUsers, { first: 5 });
  // A domain is null where its vendor connection failed (the error says which): skip it, keep the rest.
  return domains.flatMap((domain) =>
    domain
      ? (domain.users?.nodes ?? []).map(
          (user) => `${domain.name}: ${user.userName} (${user.extension ?? 'no extension'})`,
        )
      : [],
  );
}

export async function rename(
  url: string,
  apiKey: string,
  id: string,
  displayName: string,
): Promise<string | null | undefined> {
  const execute = createClient({ url, apiKey });
  const { updateUser } = await execute(RenameUser, { id, displayName });
  return updateUser.displayName;
}
