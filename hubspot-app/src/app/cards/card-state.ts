// What the card can be showing: one state at a time, each with exactly the data it needs.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CardApi } from './api/card-api.ts';
import type { CardAnswer, Decision, ScoredCard } from './api/card-contract.ts';
import type { ApiError, ApiResult } from './api/ripe-client.ts';

export type CardState =
  | { status: 'loading' }
  | { status: 'never_scored'; companyId: string }
  | { status: 'scored'; card: ScoredCard }
  | { status: 'stale'; card: ScoredCard }
  | { status: 'error'; error: ApiError };

export function cardStateOf(result: ApiResult<CardAnswer>): CardState {
  if (!result.ok) return { status: 'error', error: result.error };
  const answer = result.value;
  if (answer.state === 'never_scored') return { status: 'never_scored', companyId: answer.companyId };
  return { status: answer.stale ? 'stale' : 'scored', card: answer };
}

/** The card's state, loaded once per company; `decide` shows the decision the backend answered at once. */
export function useCardState(api: CardApi, companyId: string) {
  const [state, setState] = useState<CardState>({ status: 'loading' });
  const latest = useRef(0);

  const load = useCallback(async () => {
    const request = ++latest.current;
    setState({ status: 'loading' });
    const result = await api.load(companyId);
    // A later load (retry) wins over an earlier one still in flight.
    if (request === latest.current) setState(cardStateOf(result));
  }, [api, companyId]);

  useEffect(() => {
    void load();
  }, [load]);

  const decide = useCallback((decision: Decision) => {
    setState((current) =>
      current.status === 'scored' || current.status === 'stale'
        ? { ...current, card: { ...current.card, decision } }
        : current,
    );
  }, []);

  return { state, reload: load, decide };
}
