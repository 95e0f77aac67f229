import { describe, expect, it } from 'vitest';
import { redactUrl } from './http-logger.middleware.ts';

describe('http logger', () => {
  it('redacts query values that may carry a credential', () => {
    expect(redactUrl('/v1/x?token=abc&limit=5&api_key=k&code=c')).toBe(
      '/v1/x?token=[redacted]&limit=5&api_key=[redacted]&code=[redacted]',
    );
    expect(redactUrl('/v1/x')).toBe('/v1/x');
  });
});
