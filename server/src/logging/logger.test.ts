import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), text: () => lines.join('') };
}

describe('logger', () => {
  it('censors secrets wherever a logged object carries them', () => {
    const { logger, text } = capture();
    logger.info(
      {
        token: 'tok-1',
        apiKey: 'key-2',
        connection: { accessToken: 'tok-3', refreshToken: 'tok-4', clientSecret: 'sec-5' },
        req: { headers: { authorization: 'Bearer tok-6', cookie: 'sid=tok-7', 'x-api-key': 'key-8' } },
        res: { headers: { 'set-cookie': 'sid=tok-9' } },
        password: 'pw-10',
        kept: 'visible',
      },
      'an event',
    );
    for (const value of [
      'tok-1',
      'key-2',
      'tok-3',
      'tok-4',
      'sec-5',
      'tok-6',
      'tok-7',
      'key-8',
      'tok-9',
      'pw-10',
    ]) {
      expect(text()).not.toContain(value);
    }
    expect(text()).toContain('visible');
    expect(text()).toContain('[redacted]');
  });
});
