// Query parameters that carry credentials in the CRM APIs and OAuth flows we call.
const secretParameter =
  /^(access_token|refresh_token|id_token|token|code|client_secret|client_id|password|secret|signature|sig|api_?key|apikey|hapikey|key|auth|authorization|session_?id|sid)$/i;

/**
 * A URL safe for errors and logs: no user info, and the value of any query parameter that may hold a
 * credential replaced by `redacted`. Something that is not a URL is returned as its path only.
 *
 * @example redactUrl('https://api.hubapi.com/crm/v3/objects?hapikey=abc&limit=10')
 *   // 'https://api.hubapi.com/crm/v3/objects?hapikey=redacted&limit=10'
 */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // A relative path: keep it, drop any query, which we cannot judge.
    return raw.split(/[?#]/, 1)[0] ?? '';
  }
  url.username = '';
  url.password = '';
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (secretParameter.test(name)) url.searchParams.set(name, 'redacted');
  }
  return url.toString();
}
