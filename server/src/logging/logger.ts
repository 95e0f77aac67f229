import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config/env.ts';

export type { Logger };

// Keys whose values never reach a log line, wherever they appear in a logged object (two levels deep).
const sensitiveKeys = [
  'authorization',
  'cookie',
  'set-cookie',
  'token',
  'accessToken',
  'refreshToken',
  'apiKey',
  'secret',
  'clientSecret',
  'password',
  'masterKey',
  'x-api-key',
];

export const redactedPaths = sensitiveKeys.flatMap((key) => {
  const property = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  return [property.slice(property.startsWith('.') ? 1 : 0), `*${property}`, `*.*${property}`];
});

/** The process logger: JSON lines, secrets censored. `destination` lets tests capture the lines. */
export function createLogger(options: { level: LogLevel; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: { paths: redactedPaths, censor: '[redacted]' },
      base: { service: 'ripe' },
    },
    options.destination,
  );
}
