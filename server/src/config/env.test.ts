import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';
import { secret } from './secret.ts';

const key = Buffer.alloc(32, 7).toString('base64');

describe('parseEnv', () => {
  it('has a working default for everything outside production', () => {
    const config = parseEnv({});
    expect(config).toMatchObject({
      env: 'development',
      http: { port: 8080, host: '127.0.0.1', bodyLimit: '1mb', trustProxyHops: 0, shutdownTimeoutMs: 10_000 },
      database: { url: undefined, dataDir: '.ripe/data', poolSize: 10 },
      log: { level: 'info' },
      scheduler: { mode: 'in-process' },
    });
    expect(config.warnings).toStrictEqual([expect.stringContaining('RIPE_MASTER_KEY is not set')]);
  });

  it('reads every variable, treating empty ones as unset', () => {
    const config = parseEnv({
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://ripe:pw@db:5432/ripe',
      RIPE_DATA_DIR: '',
      RIPE_DB_POOL_SIZE: '20',
      LOG_LEVEL: 'warn',
      RIPE_MASTER_KEY: key,
      RIPE_SCHEDULER: 'pg-boss',
      RIPE_BODY_LIMIT: '512kb',
      RIPE_TRUST_PROXY_HOPS: '1',
      RIPE_SHUTDOWN_TIMEOUT_MS: '2000',
    });
    expect(config.database.url?.reveal()).toBe('postgres://ripe:pw@db:5432/ripe');
    expect(config.database.dataDir).toBe('.ripe/data');
    expect(config.secrets.masterKey?.reveal()).toStrictEqual(Buffer.alloc(32, 7));
    expect(config).toMatchObject({
      env: 'production',
      http: { port: 0, host: '0.0.0.0', bodyLimit: '512kb', trustProxyHops: 1, shutdownTimeoutMs: 2000 },
      database: { poolSize: 20 },
      log: { level: 'warn' },
      scheduler: { mode: 'pg-boss' },
      warnings: [],
    });
  });

  it('names every bad variable in one line, without their values', () => {
    const parse = () =>
      parseEnv({
        PORT: 'eighty',
        RIPE_SCHEDULER: 'cron',
        DATABASE_URL: 'mysql://root:hunter2@db/x',
        RIPE_MASTER_KEY: 'c2hvcnQ=',
      });
    expect(parse).toThrow(
      'Invalid environment: PORT must be an integer from 0 to 65535; DATABASE_URL is invalid; ' +
        'RIPE_MASTER_KEY must be 32 bytes in base64 (openssl rand -base64 32); ' +
        'RIPE_SCHEDULER must be one of in-process, pg-boss, off',
    );
    expect(parse).toThrow(expect.objectContaining({ code: 'invalid_env' }));
    try {
      parse();
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
      expect(String(error)).not.toContain('c2hvcnQ');
    }
  });

  it('reads the /metrics token as a secret, and refuses a short one without printing it', () => {
    const token = 'prometheus-scrape-token-0123456789';
    const config = parseEnv({ RIPE_METRICS_TOKEN: token });
    expect(config.http.metricsToken?.reveal()).toBe(token);
    expect(JSON.stringify(config)).not.toContain(token);
    expect(parseEnv({}).http.metricsToken).toBeUndefined();
    const short = () => parseEnv({ RIPE_METRICS_TOKEN: 'hunter2' });
    expect(short).toThrow(
      'Invalid environment: RIPE_METRICS_TOKEN must be 24 to 512 printable characters without spaces',
    );
    expect(short).not.toThrow(/hunter2/);
  });

  it('requires a master key in production', () => {
    expect(() => parseEnv({ NODE_ENV: 'production' })).toThrow(
      'RIPE_MASTER_KEY (or RIPE_MASTER_KEYS) is required',
    );
    expect(
      parseEnv({ NODE_ENV: 'production', RIPE_MASTER_KEYS: `k1:${key}` }).secrets.masterKeys?.reveal(),
    ).toBe(`k1:${key}`);
  });

  it('never prints a secret: logs, JSON, templates and inspect all see [secret]', () => {
    const config = parseEnv({ DATABASE_URL: 'postgres://u:hunter2@h/d', RIPE_MASTER_KEY: key });
    const printed = [JSON.stringify(config), inspect(config, { depth: 5 }), `${config.database.url}`].join(
      '\n',
    );
    expect(printed).not.toContain('hunter2');
    expect(printed).not.toContain(key);
    expect(printed).toContain('[secret]');
    expect(secret('x').reveal()).toBe('x');
  });

  it("reads each CRM app's OAuth client, set together, its secret never printed", () => {
    expect(parseEnv({}).crm).toStrictEqual({ salesforce: undefined, hubspot: undefined });
    const config = parseEnv({
      SALESFORCE_CLIENT_ID: 'sf-id',
      SALESFORCE_CLIENT_SECRET: 'sf-s3cret',
      SALESFORCE_LOGIN_URL: 'https://test.salesforce.com',
      HUBSPOT_CLIENT_ID: 'hs-id',
      HUBSPOT_CLIENT_SECRET: 'hs-s3cret',
    });
    expect(config.crm.salesforce).toMatchObject({
      clientId: 'sf-id',
      loginUrl: 'https://test.salesforce.com',
    });
    expect(config.crm.hubspot).toMatchObject({ clientId: 'hs-id', apiBaseUrl: 'https://api.hubapi.com' });
    expect(JSON.stringify(config)).not.toMatch(/s3cret/);
    expect(() => parseEnv({ SALESFORCE_CLIENT_SECRET: 'sf-s3cret' })).toThrow(
      'SALESFORCE_CLIENT_ID and SALESFORCE_CLIENT_SECRET are set together',
    );
    expect(() => parseEnv({ HUBSPOT_API_BASE_URL: 'not a url' })).toThrow(/HUBSPOT_API_BASE_URL must be/);
  });
});
