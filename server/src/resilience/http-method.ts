export type HttpMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'PUT' | 'DELETE' | 'POST' | 'PATCH';

/**
 * Whether repeating the request cannot change the outcome (RFC 9110 §9.2.2). POST and PATCH are not:
 * they are retried only when the caller gives an idempotency key (jsforce retries only GET, PUT, HEAD,
 * OPTIONS and DELETE).
 */
export function isIdempotentMethod(method: HttpMethod): boolean {
  switch (method) {
    case 'GET':
    case 'HEAD':
    case 'OPTIONS':
    case 'PUT':
    case 'DELETE':
      return true;
    case 'POST':
    case 'PATCH':
      return false;
  }
}
