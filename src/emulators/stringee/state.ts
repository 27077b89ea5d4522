/** One Stringee project's SIP phones, in memory, keyed by their plain username. */
import { DEFAULT_RESULT_CODES, StringeeError, type ResultCodes } from './results.js';

export interface SipPhone {
  /** The plain name (`100`); the SIP username is `{projectId}_{username}`. */
  username: string;
  password: string;
  /** Absent until a PUT sets it. */
  extension?: number;
  email_address: string | null;
}

export class StringeeState {
  private readonly phones = new Map<string, SipPhone>();
  /** The `r` of each refusal; Stringee publishes no table, so a real server may number them otherwise. */
  resultCodes: ResultCodes = { ...DEFAULT_RESULT_CODES };

  constructor(readonly projectId: string) {}

  sipUsername(username: string): string {
    return `${this.projectId}_${username}`;
  }

  all(): SipPhone[] {
    return [...this.phones.values()];
  }

  get(username: string): SipPhone | undefined {
    return this.phones.get(username);
  }

  add(phone: SipPhone): void {
    if (this.phones.has(phone.username))
      throw new StringeeError('usernameExists', `username ${phone.username} already exists`);
    this.phones.set(phone.username, { ...phone });
  }

  update(username: string, change: { password: string; extension?: number }): void {
    const phone = this.existing(username);
    phone.password = change.password;
    if (change.extension !== undefined) phone.extension = change.extension;
  }

  remove(username: string): void {
    this.existing(username);
    this.phones.delete(username);
  }

  private existing(username: string): SipPhone {
    const phone = this.phones.get(username);
    if (!phone) throw new StringeeError('phoneNotFound', `sip phone ${username} not found`);
    return phone;
  }
}
