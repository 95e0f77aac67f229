import { afterEach } from 'vitest';
import {
  startHubSpotEmulator,
  type HubSpotEmulator,
  type HubSpotEmulatorOptions,
} from './hubspot-emulator.ts';

/** A fake clock the emulator reads; tests move it instead of sleeping. */
export function fakeClock(start = Date.parse('2026-06-30T06:00:00.000Z')) {
  let current = start;
  return { now: () => current, advance: (ms: number) => void (current += ms) };
}

/** Starts an emulator per test on port 0 and closes it after the test. */
export function useEmulator(): (options?: Partial<HubSpotEmulatorOptions>) => Promise<HubSpotEmulator> {
  const started: HubSpotEmulator[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((emulator) => emulator.close()));
  });
  return async (options = {}) => {
    const emulator = await startHubSpotEmulator({ accounts: 3, seed: 7, asOf: '2026-06-30', ...options });
    started.push(emulator);
    return emulator;
  };
}

export async function getJson(emulator: HubSpotEmulator, path: string, token: string) {
  const response = await fetch(`${emulator.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

export async function postJson(emulator: HubSpotEmulator, path: string, token: string, body: unknown) {
  const response = await fetch(`${emulator.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}
