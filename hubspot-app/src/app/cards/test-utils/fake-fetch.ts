// A stand-in for hubspot.fetch: answers the queued backend answers in order and records each request.
import { vi } from 'vitest';
import type { HubSpotFetch } from '../api/ripe-client.ts';

export interface FakeAnswer {
  status: number;
  body: unknown;
}

export const ok = (body: unknown): FakeAnswer => ({ status: 200, body });
export const created = (body: unknown): FakeAnswer => ({ status: 201, body });

export function fakeFetch(...answers: FakeAnswer[]) {
  const queue = [...answers];
  return vi.fn<HubSpotFetch>(async () => {
    const answer = queue.shift();
    if (!answer) throw new Error('The fake backend has no answer left for this request');
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
}

/** A hubspot.fetch that never answers: the UI stays in its loading state. */
export const pendingFetch = () => vi.fn<HubSpotFetch>(() => new Promise<Response>(() => undefined));
