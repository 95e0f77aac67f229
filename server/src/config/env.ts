import { RipeError } from '@ripe/shared';
import { z } from 'zod';
import { secret, type Secret } from './secret.ts';

export type RuntimeEnv = 'development' | 'test' | 'production';
export type SchedulerMode = 'in-process' | 'pg-boss' | 'off';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Everything the server reads from the environment, parsed once; modules receive it. */
export interface AppConfig {
  env: RuntimeEnv;
  http: {
    port: number;
    host: string;
    /** Largest JSON body accepted, e.g. `1mb`. */
    bodyLimit: string;
    /** Hops of reverse proxies whose X-Forwarded-* headers are trusted. */
    trustProxyHops: number;
    /**
     * The origin callers reach the server at (RIPE_PUBLIC_URL), e.g. behind a proxy; signed inbound calls
     * (HubSpot's) are checked against it. Unset: the request's own protocol and host.
     */
    publicUrl: string | undefined;
    /** How long a graceful shutdown waits for open requests. */
    shutdownTimeoutMs: number;
    /** The bearer token /metrics asks for (RIPE_METRICS_TOKEN); unset, /metrics answers 401 to everyone. */
    metricsToken: Secret<string> | undefined;
  };
  database: {
    /** A PostgreSQL server; the embedded PGlite database in `dataDir` when undefined. */
    url: Secret<string> | undefined;
    dataDir: string;
    poolSize: number;
  };
  log: { level: LogLevel };
  secrets: {
    /** One 32-byte master key (RIPE_MASTER_KEY). */
    masterKey: Secret<Buffer> | undefined;
    /** A keyring for rotation (`id1:base64,id2:base64`), parsed by the secrets module. */
    masterKeys: Secret<string> | undefined;
    masterKeyId: string | undefined;
  };
  scheduler: { mode: SchedulerMode };
  /** Ripe's app in each CRM (its OAuth client); a CRM without one cannot be connected. */
  crm: {
    salesforce:
      | {
          clientId: string;
          clientSecret: Secret<string>;
          loginUrl: string;
          /** The connected app certificate's private key (PKCS#8 PEM file), for orgs connected by JWT bearer. */
          jwtKeyFile: string | undefined;
        }
      | undefined;
    hubspot: { clientId: string; clientSecret: Secret<string>; apiBaseUrl: string } | undefined;
  };
  /** Things the operator should know at start, e.g. a development default in use. */
  warnings: string[];
}

const masterKeyBytes = 32;

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: `must be an integer from ${min} to ${max}` })
    .int({ error: `must be an integer from ${min} to ${max}` })
    .min(min, { error: `must be an integer from ${min} to ${max}` })
    .max(max, { error: `must be an integer from ${min} to ${max}` });

const oneOf = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });

const base64Key = z.string().transform((encoded, ctx) => {
  const key = Buffer.from(encoded, 'base64');
  // Buffer.from skips what is not base64: re-encoding tells a typo from a key.
  const canonical = key.toString('base64').replace(/=+$/, '') === encoded.replace(/=+$/, '');
  if (!canonical || key.length !== masterKeyBytes) {
    ctx.addIssue({
      code: 'custom',
      message: `must be ${masterKeyBytes} bytes in base64 (openssl rand -base64 32)`,
    });
    return z.NEVER;
  }
  return key;
});

const envSchema = z.object({
  NODE_ENV: oneOf(['development', 'test', 'production']).default('development'),
  PORT: integer(0, 65_535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must be a postgres:// URL' })
    .optional(),
  RIPE_DATA_DIR: z.string().default('.ripe/data'),
  RIPE_DB_POOL_SIZE: integer(1, 500).default(10),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RIPE_MASTER_KEY: base64Key.optional(),
  RIPE_MASTER_KEYS: z.string().optional(),
  RIPE_MASTER_KEY_ID: z.string().optional(),
  RIPE_SCHEDULER: oneOf(['in-process', 'pg-boss', 'off']).default('in-process'),
  RIPE_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, { error: 'must be a size such as 512kb or 1mb' })
    .default('1mb'),
  RIPE_TRUST_PROXY_HOPS: integer(0, 10).default(0),
  RIPE_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://ripe.example.com' })
    .transform((url) => new URL(url).origin)
    .optional(),
  RIPE_SHUTDOWN_TIMEOUT_MS: integer(0, 600_000).default(10_000),
  RIPE_METRICS_TOKEN: z
    .string()
    .refine((token) => /^[\x21-\x7e]{24,512}$/.test(token), {
      error: 'must be 24 to 512 printable characters without spaces',
    })
    .optional(),
  SALESFORCE_CLIENT_ID: z.string().optional(),
  SALESFORCE_CLIENT_SECRET: z.string().optional(),
  SALESFORCE_JWT_KEY_FILE: z.string().optional(),
  SALESFORCE_LOGIN_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://login.salesforce.com' })
    .default('https://login.salesforce.com'),
  HUBSPOT_CLIENT_ID: z.string().optional(),
  HUBSPOT_CLIENT_SECRET: z.string().optional(),
  HUBSPOT_API_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://api.hubapi.com' })
    .default('https://api.hubapi.com'),
});

const secretVariables = new Set([
  'DATABASE_URL',
  'RIPE_MASTER_KEY',
  'RIPE_MASTER_KEYS',
  'SALESFORCE_CLIENT_SECRET',
  'HUBSPOT_CLIENT_SECRET',
  'RIPE_METRICS_TOKEN',
]);

/**
 * Parses the environment. Empty variables count as unset. A bad environment throws one
 * `invalid_env` error whose message names every bad variable, never a value.
 */
export function parseEnv(env: Readonly<Record<string, string | undefined>>): AppConfig {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape)
      .map((name) => [name, env[name]] as const)
      .filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      // zod's own messages may quote the input: a secret's value must not reach an error.
      const message = secretVariables.has(name) && issue.code !== 'custom' ? 'is invalid' : issue.message;
      return `${name} ${message}`;
    });
    throw new RipeError('invalid_env', `Invalid environment: ${problems.join('; ')}`);
  }
  const vars = parsed.data;
  const hasKeyring = vars.RIPE_MASTER_KEYS !== undefined;
  if (vars.NODE_ENV === 'production' && !vars.RIPE_MASTER_KEY && !hasKeyring) {
    throw new RipeError(
      'invalid_env',
      'Invalid environment: RIPE_MASTER_KEY (or RIPE_MASTER_KEYS) is required in production',
    );
  }
  for (const [id, secretName] of [
    ['SALESFORCE_CLIENT_ID', 'SALESFORCE_CLIENT_SECRET'],
    ['HUBSPOT_CLIENT_ID', 'HUBSPOT_CLIENT_SECRET'],
  ] as const) {
    if ((vars[id] === undefined) !== (vars[secretName] === undefined)) {
      throw new RipeError('invalid_env', `Invalid environment: ${id} and ${secretName} are set together`);
    }
  }
  const warnings: string[] = [];
  if (!vars.RIPE_MASTER_KEY && !hasKeyring) {
    warnings.push(
      'RIPE_MASTER_KEY is not set: secrets cannot be encrypted at rest (allowed outside production only)',
    );
  }
  return {
    env: vars.NODE_ENV,
    http: {
      port: vars.PORT,
      host: vars.HOST,
      bodyLimit: vars.RIPE_BODY_LIMIT,
      trustProxyHops: vars.RIPE_TRUST_PROXY_HOPS,
      publicUrl: vars.RIPE_PUBLIC_URL,
      shutdownTimeoutMs: vars.RIPE_SHUTDOWN_TIMEOUT_MS,
      metricsToken: vars.RIPE_METRICS_TOKEN === undefined ? undefined : secret(vars.RIPE_METRICS_TOKEN),
    },
    database: {
      url: vars.DATABASE_URL === undefined ? undefined : secret(vars.DATABASE_URL),
      dataDir: vars.RIPE_DATA_DIR,
      poolSize: vars.RIPE_DB_POOL_SIZE,
    },
    log: { level: vars.LOG_LEVEL },
    secrets: {
      masterKey: vars.RIPE_MASTER_KEY === undefined ? undefined : secret(vars.RIPE_MASTER_KEY),
      masterKeys: hasKeyring ? secret(vars.RIPE_MASTER_KEYS ?? '') : undefined,
      masterKeyId: vars.RIPE_MASTER_KEY_ID,
    },
    scheduler: { mode: vars.RIPE_SCHEDULER },
    crm: {
      salesforce:
        vars.SALESFORCE_CLIENT_ID && vars.SALESFORCE_CLIENT_SECRET
          ? {
              clientId: vars.SALESFORCE_CLIENT_ID,
              clientSecret: secret(vars.SALESFORCE_CLIENT_SECRET),
              loginUrl: vars.SALESFORCE_LOGIN_URL,
              jwtKeyFile: vars.SALESFORCE_JWT_KEY_FILE,
            }
          : undefined,
      hubspot:
        vars.HUBSPOT_CLIENT_ID && vars.HUBSPOT_CLIENT_SECRET
          ? {
              clientId: vars.HUBSPOT_CLIENT_ID,
              clientSecret: secret(vars.HUBSPOT_CLIENT_SECRET),
              apiBaseUrl: vars.HUBSPOT_API_BASE_URL,
            }
          : undefined,
    },
    warnings,
  };
}

/** The configuration of this process: `process.env` is read here and nowhere else. */
export function loadConfig(overrides: Partial<Record<string, string>> = {}): AppConfig {
  return parseEnv({ ...process.env, ...overrides });
}
