/** A small office's phones, the same on every run: some with an extension, some with an e-mail. */
import type { StringeeState } from './state.js';

export function seedStringee(state: StringeeState): void {
  const phones: Array<{ username: string; extension?: number; email_address: string | null }> = [
    { username: '100', extension: 100, email_address: 'reception@hanoi-office.example' },
    { username: '101', extension: 101, email_address: null },
    { username: '102', email_address: null },
    { username: 'sales.lan', extension: 201, email_address: 'lan.nguyen@hanoi-office.example' },
    { username: 'sales.minh', extension: 202, email_address: 'minh.tran@hanoi-office.example' },
    { username: 'support_1', extension: 301, email_address: null },
    { username: 'warehouse', email_address: 'warehouse@hanoi-office.example' },
    { username: 'lobby-phone', extension: 900, email_address: null },
  ];
  for (const phone of phones) state.add({ ...phone, password: `Sip-${phone.username}-2024` });
}
