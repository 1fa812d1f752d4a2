import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, loadDatabaseUrl } from '../src/config.js';

const DATABASE_URL = 'postgres://todo:hunter2-password@db.example.com:5432/todo';
const SECRET = 'x'.repeat(40);

/** loadConfig's error for this environment (fails the test if it does not throw one). */
function configError(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  it('applies the defaults to a minimal development environment', () => {
    const config = loadConfig({ DATABASE_URL });
    expect(config.server).toEqual({
      host: '0.0.0.0',
      port: 8000,
      production: false,
      shutdownTimeoutMs: 10_000,
    });
    expect(config.database).toEqual({ url: DATABASE_URL, poolMax: 10, migrateOnStart: true });
    expect(config.http).toEqual({ corsOrigins: [], logLevel: 'info' });
  });

  it('generates a random secret outside production when none is set, and says so', () => {
    const first = loadConfig({ DATABASE_URL });
    const second = loadConfig({ DATABASE_URL });
    expect(first.auth.secretGenerated).toBe(true);
    expect(first.auth.secret.length).toBeGreaterThanOrEqual(32);
    expect(first.auth.secret).not.toBe(second.auth.secret);
  });

  it('uses a given secret as it is', () => {
    const config = loadConfig({ DATABASE_URL, NODE_ENV: 'production', BETTER_AUTH_SECRET: SECRET });
    expect(config.auth).toEqual({ secret: SECRET, secretGenerated: false });
    expect(config.server.production).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
  ])('refuses a %s BETTER_AUTH_SECRET in production, naming the variable', (_name, secret) => {
    const error = configError({ DATABASE_URL, NODE_ENV: 'production', BETTER_AUTH_SECRET: secret });
    expect(error.message).toContain('BETTER_AUTH_SECRET');
    expect(error.message).toContain('required');
  });

  it('refuses a short BETTER_AUTH_SECRET without printing it, in production and out', () => {
    const secret = 'short-secret-value-31-character';
    expect(secret).toHaveLength(31);
    for (const NODE_ENV of ['production', 'development']) {
      const error = configError({ DATABASE_URL, NODE_ENV, BETTER_AUTH_SECRET: secret });
      expect(error.message).toContain('BETTER_AUTH_SECRET');
      expect(error.message).toContain('at least 32');
      expect(error.message).not.toContain(secret);
    }
  });

  it('accepts a secret of exactly 32 characters', () => {
    const config = loadConfig({
      DATABASE_URL,
      NODE_ENV: 'production',
      BETTER_AUTH_SECRET: 's'.repeat(32),
    });
    expect(config.auth.secret).toHaveLength(32);
  });

  it('requires DATABASE_URL', () => {
    expect(configError({}).message).toContain('DATABASE_URL is required');
    expect(configError({ DATABASE_URL: '   ' }).message).toContain('DATABASE_URL is required');
  });

  it.each([
    'mysql://root:hunter2-password@db.example.com/todo',
    'not a url hunter2-password',
    'http://user:hunter2-password@db.example.com/todo',
  ])('refuses a DATABASE_URL that is not postgres without echoing it (%s)', (url) => {
    const error = configError({ DATABASE_URL: url });
    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain(url);
  });

  it('accepts postgresql:// and query parameters such as sslmode', () => {
    const url = 'postgresql://u:p@ep-x.neon.tech/todo?sslmode=require';
    expect(loadConfig({ DATABASE_URL: url }).database.url).toBe(url);
  });

  it('parses CORS_ORIGINS: comma separated, trimmed, trailing slash dropped, blanks ignored', () => {
    const config = loadConfig({
      DATABASE_URL,
      CORS_ORIGINS: ' https://app.example.com/ ,http://localhost:3000,, ',
    });
    expect(config.http.corsOrigins).toEqual(['https://app.example.com', 'http://localhost:3000']);
    expect(loadConfig({ DATABASE_URL, CORS_ORIGINS: '' }).http.corsOrigins).toEqual([]);
  });

  it.each(['app.example.com', 'https://app.example.com/path', '*'])(
    'refuses the CORS_ORIGINS entry %s, quoting it',
    (entry) => {
      const error = configError({ DATABASE_URL, CORS_ORIGINS: `https://ok.example.com,${entry}` });
      expect(error.message).toContain('CORS_ORIGINS');
      expect(error.message).toContain(`"${entry}"`);
    },
  );

  it('reads LOG_LEVEL and refuses unknown levels', () => {
    expect(loadConfig({ DATABASE_URL, LOG_LEVEL: 'debug' }).http.logLevel).toBe('debug');
    expect(loadConfig({ DATABASE_URL, LOG_LEVEL: ' warn ' }).http.logLevel).toBe('warn');
    expect(configError({ DATABASE_URL, LOG_LEVEL: 'verbose' }).message).toContain(
      'LOG_LEVEL must be one of',
    );
  });

  it.each([
    ['false', false],
    ['0', false],
    ['no', false],
    ['FALSE', false],
    ['true', true],
    ['1', true],
    ['Yes', true],
    ['', true],
  ])('reads MIGRATE_ON_START=%j as %s', (value, expected) => {
    expect(loadConfig({ DATABASE_URL, MIGRATE_ON_START: value }).database.migrateOnStart).toBe(
      expected,
    );
  });

  it('refuses a MIGRATE_ON_START that is not a boolean', () => {
    expect(configError({ DATABASE_URL, MIGRATE_ON_START: 'maybe' }).message).toContain(
      'MIGRATE_ON_START must be true or false',
    );
  });

  it('refuses private push endpoints unless OUTBOUND_ALLOW_PRIVATE, and plain http in production', () => {
    expect(loadConfig({ DATABASE_URL }).outbound).toEqual({
      httpsOnly: false,
      allowPrivate: false,
    });
    expect(
      loadConfig({ DATABASE_URL, NODE_ENV: 'production', BETTER_AUTH_SECRET: SECRET }).outbound,
    ).toEqual({ httpsOnly: true, allowPrivate: false });
    expect(loadConfig({ DATABASE_URL, OUTBOUND_ALLOW_PRIVATE: 'true' }).outbound.allowPrivate).toBe(
      true,
    );
    expect(configError({ DATABASE_URL, OUTBOUND_ALLOW_PRIVATE: 'sure' }).message).toContain(
      'OUTBOUND_ALLOW_PRIVATE must be true or false',
    );
  });

  it('reads PORT within 1–65535', () => {
    expect(loadConfig({ DATABASE_URL, PORT: '1' }).server.port).toBe(1);
    expect(loadConfig({ DATABASE_URL, PORT: '65535' }).server.port).toBe(65535);
    for (const port of ['0', '65536', '80.5', 'eighty', '-1']) {
      expect(configError({ DATABASE_URL, PORT: port }).message).toContain(
        'PORT must be an integer from 1 to 65535',
      );
    }
  });

  it('serves metrics on the API port unless METRICS_PORT names another one', () => {
    expect(loadConfig({ DATABASE_URL }).metrics.port).toBeUndefined();
    expect(loadConfig({ DATABASE_URL, METRICS_PORT: ' ' }).metrics.port).toBeUndefined();
    expect(loadConfig({ DATABASE_URL, METRICS_PORT: '9464' }).metrics.port).toBe(9464);
    expect(configError({ DATABASE_URL, METRICS_PORT: 'ninety' }).message).toContain(
      'METRICS_PORT must be an integer from 1 to 65535',
    );
    expect(configError({ DATABASE_URL, PORT: '9000', METRICS_PORT: '9000' }).message).toContain(
      'METRICS_PORT must differ from PORT',
    );
    expect(configError({ DATABASE_URL, METRICS_PORT: '8000' }).message).toContain(
      'METRICS_PORT must differ from PORT',
    );
  });

  it('loadDatabaseUrl (server.js migrate) checks DATABASE_URL alone, even in production', () => {
    expect(loadDatabaseUrl({ DATABASE_URL, NODE_ENV: 'production' })).toBe(DATABASE_URL);
    expect(() => loadDatabaseUrl({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadDatabaseUrl({ DATABASE_URL: 'http://x' })).toThrow(
      'DATABASE_URL must be a postgres:// or postgresql:// URL',
    );
  });

  it('reports every problem at once', () => {
    const error = configError({
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'loud',
      MIGRATE_ON_START: 'perhaps',
    });
    for (const name of [
      'BETTER_AUTH_SECRET',
      'PORT',
      'LOG_LEVEL',
      'MIGRATE_ON_START',
      'DATABASE_URL',
    ])
      expect(error.message).toContain(name);
  });
});
