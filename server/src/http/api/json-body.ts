import { RipeError } from '@ripe/shared';
import express, { type RequestHandler } from 'express';

/** Deepest nesting of arrays and objects a JSON body may have: a settings document needs 6. */
export const maxJsonDepth = 32;

/** The content type every body route takes; a route may accept others (a merge patch). */
export const jsonContentType = 'application/json';

/**
 * Whether the JSON text nests arrays and objects deeper than `maxDepth`, found by one pass over
 * the text before it is parsed: `JSON.parse` and every recursive walk after it are then safe.
 */
export function jsonTooDeep(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c /* \ */) index += 1;
      else if (code === 0x22 /* " */) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b /* [ */ || code === 0x7b /* { */) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (code === 0x5d /* ] */ || code === 0x7d /* } */) depth -= 1;
  }
  return false;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads and parses a route's JSON body: mounted after authentication, so an anonymous caller
 * never makes the server buffer or parse anything. The size is bounded while reading (413), the
 * media type checked (415), the depth bounded before parsing (400). No body at all leaves
 * `req.body` undefined: the route's schema decides whether that is fine.
 */
export function jsonBody(options: { limit: string; contentTypes: readonly string[] }): RequestHandler {
  const raw = express.raw({ type: () => true, limit: options.limit });
  return (req, res, next) => {
    const declared = req.headers['content-type'];
    const hasBody =
      req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (!hasBody) {
      req.body = undefined;
      next();
      return;
    }
    const { type, charset } = mediaTypeOf(declared ?? '');
    if (!options.contentTypes.includes(type)) {
      throw new RipeError(
        'unsupported_media_type',
        `The body must be sent as ${options.contentTypes.join(' or ')}, not ${type || 'an undeclared type'}`,
      );
    }
    if (charset !== undefined && charset !== 'utf-8') {
      throw new RipeError('unsupported_media_type', `The body must be UTF-8, not ${charset}`);
    }
    raw(req, res, (error?: unknown) => {
      if (error) {
        next(error);
        return;
      }
      try {
        req.body = parseJson(req.body as Buffer);
        next();
      } catch (parseError) {
        next(parseError);
      }
    });
  };
}

/** UTF-8 JSON bytes → a value: invalid UTF-8, too deep a nesting or bad JSON is a 400 `invalid_request`. */
export function parseJson(bytes: Buffer): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new RipeError('invalid_request', 'The body is not valid UTF-8');
  }
  if (jsonTooDeep(text, maxJsonDepth)) {
    throw new RipeError('invalid_request', `The body nests deeper than ${maxJsonDepth} levels`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RipeError('invalid_request', 'The body is not valid JSON');
  }
}

function mediaTypeOf(header: string): { type: string; charset: string | undefined } {
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replaceAll('"', '');
  return { type, charset: charset === 'utf8' ? 'utf-8' : charset };
}
