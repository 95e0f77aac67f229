import type { ApiError } from '../api/ripe-client.ts';
import type { CardMessages } from './messages.ts';

/** The sentence an account manager reads for a failed call; exhaustive over the error kinds. */
export function errorText(messages: CardMessages, error: ApiError): string {
  switch (error.kind) {
    case 'not_configured':
      return messages.notConfigured;
    case 'network':
      return messages.networkError(error.message);
    case 'http':
      return messages.httpError(error.status, error.message);
    case 'unexpected_answer':
      return messages.unexpectedAnswer(error.message);
  }
}
