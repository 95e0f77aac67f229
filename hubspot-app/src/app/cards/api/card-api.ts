// The card's two calls to the backend (docs/hubspot-app-api.md, "The expansion card").
import {
  cardSchema,
  feedbackAnswerSchema,
  type CardAnswer,
  type FeedbackAnswer,
  type FeedbackRequest,
} from './card-contract.ts';
import type { ApiResult, RipeClient } from './ripe-client.ts';

export interface CardApi {
  load(companyId: string): Promise<ApiResult<CardAnswer>>;
  sendFeedback(companyId: string, feedback: FeedbackRequest): Promise<ApiResult<FeedbackAnswer>>;
}

export function cardApi(client: RipeClient): CardApi {
  const query = (companyId: string) => `?objectId=${encodeURIComponent(companyId)}`;
  return {
    load: (companyId) => client.request(cardSchema, `/v1/hubspot/card${query(companyId)}`),
    sendFeedback: (companyId, feedback) =>
      client.request(feedbackAnswerSchema, `/v1/hubspot/card/feedback${query(companyId)}`, {
        method: 'POST',
        body: { ...feedback },
      }),
  };
}
