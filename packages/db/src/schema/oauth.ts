import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { session, user } from './auth.js';

// The tables of Better Auth's OAuth 2.1 provider (@better-auth/oauth-provider 1.7.5), exactly the
// fields its Drizzle adapter reads and writes: assistants that only speak OAuth (claude.ai,
// ChatGPT) register here and get access tokens for /mcp. Property names are what the plugin
// expects; columns are snake_case through the client's `casing` option. Access and refresh tokens
// and authorization codes are stored as their SHA-256 (lib/auth/oauth.ts), never in clear.

const timestamptz = () => timestamp({ withTimezone: true });

/** A registered client (dynamic registration, RFC 7591): its name and exact redirect URIs. */
export const oauthClient = pgTable(
  'oauth_client',
  {
    id: text().primaryKey(),
    clientId: text().notNull().unique(),
    clientSecret: text(),
    clientDiscoveryId: text(),
    disabled: boolean().default(false),
    skipConsent: boolean(),
    enableEndSession: boolean(),
    subjectType: text(),
    scopes: text().array(),
    clientCredentialsScopes: text().array().default([]),
    userId: text().references(() => user.id, { onDelete: 'cascade' }),
    createdAt: timestamptz(),
    updatedAt: timestamptz(),
    name: text(),
    uri: text(),
    icon: text(),
    contacts: text().array(),
    tos: text(),
    policy: text(),
    softwareId: text(),
    softwareVersion: text(),
    softwareStatement: text(),
    redirectUris: text().array().notNull(),
    postLogoutRedirectUris: text().array(),
    backchannelLogoutUri: text(),
    backchannelLogoutSessionRequired: boolean(),
    tokenEndpointAuthMethod: text(),
    applicationType: text(),
    jwks: text(),
    jwksUri: text(),
    grantTypes: text().array(),
    responseTypes: text().array(),
    requirePKCE: boolean('require_pkce'),
    dpopBoundAccessTokens: boolean().default(false),
    referenceId: text(),
    metadata: jsonb(),
  },
  (table) => [index('oauth_client_user_id_idx').on(table.userId)],
);

/** A protected resource tokens may be issued for (RFC 8707): `<origin>/mcp`. */
export const oauthResource = pgTable('oauth_resource', {
  id: text().primaryKey(),
  identifier: text().notNull().unique(),
  name: text().notNull(),
  accessTokenTtl: integer(),
  refreshTokenTtl: integer(),
  signingAlgorithm: text(),
  signingKeyId: text(),
  allowedScopes: text().array(),
  customClaims: jsonb(),
  dpopBoundAccessTokensRequired: boolean().default(false),
  disabled: boolean().default(false),
  createdAt: timestamptz(),
  updatedAt: timestamptz(),
  policyVersion: integer().default(1),
  metadata: jsonb(),
});

/** Which client may ask for which resource (only read when per-client resources are enforced). */
export const oauthClientResource = pgTable(
  'oauth_client_resource',
  {
    id: text().primaryKey(),
    clientId: text()
      .notNull()
      .references(() => oauthClient.clientId, { onDelete: 'cascade' }),
    resourceId: text()
      .notNull()
      .references(() => oauthResource.identifier, { onDelete: 'cascade' }),
    metadata: jsonb(),
    createdAt: timestamptz(),
  },
  (table) => [
    uniqueIndex('oauth_client_resource_client_id_resource_id_uidx').on(
      table.clientId,
      table.resourceId,
    ),
    index('oauth_client_resource_client_id_idx').on(table.clientId),
    index('oauth_client_resource_resource_id_idx').on(table.resourceId),
  ],
);

export const oauthRefreshToken = pgTable(
  'oauth_refresh_token',
  {
    id: text().primaryKey(),
    token: text().notNull().unique(),
    clientId: text()
      .notNull()
      .references(() => oauthClient.clientId, { onDelete: 'cascade' }),
    sessionId: text().references(() => session.id, { onDelete: 'set null' }),
    userId: text()
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    referenceId: text(),
    authorizationCodeId: text(),
    resources: text().array(),
    requestedUserInfoClaims: text().array(),
    expiresAt: timestamptz(),
    createdAt: timestamptz(),
    revoked: timestamptz(),
    rotatedAt: timestamptz(),
    rotationReplayResponse: text(),
    rotationReplayExpiresAt: timestamptz(),
    authTime: timestamptz(),
    confirmation: jsonb(),
    scopes: text().array().notNull(),
  },
  (table) => [
    index('oauth_refresh_token_client_id_idx').on(table.clientId),
    index('oauth_refresh_token_session_id_idx').on(table.sessionId),
    index('oauth_refresh_token_user_id_idx').on(table.userId),
    index('oauth_refresh_token_authorization_code_id_idx').on(table.authorizationCodeId),
  ],
);

/** An opaque access token; looked up by its hash on every /mcp and /api/v1 call. */
export const oauthAccessToken = pgTable(
  'oauth_access_token',
  {
    id: text().primaryKey(),
    token: text().unique(),
    clientId: text()
      .notNull()
      .references(() => oauthClient.clientId, { onDelete: 'cascade' }),
    sessionId: text().references(() => session.id, { onDelete: 'set null' }),
    userId: text().references(() => user.id, { onDelete: 'cascade' }),
    referenceId: text(),
    authorizationCodeId: text(),
    resources: text().array(),
    requestedUserInfoClaims: text().array(),
    refreshId: text().references(() => oauthRefreshToken.id, { onDelete: 'cascade' }),
    expiresAt: timestamptz(),
    createdAt: timestamptz(),
    revoked: timestamptz(),
    confirmation: jsonb(),
    scopes: text().array().notNull(),
  },
  (table) => [
    index('oauth_access_token_client_id_idx').on(table.clientId),
    index('oauth_access_token_session_id_idx').on(table.sessionId),
    index('oauth_access_token_user_id_idx').on(table.userId),
    index('oauth_access_token_authorization_code_id_idx').on(table.authorizationCodeId),
    index('oauth_access_token_refresh_id_idx').on(table.refreshId),
  ],
);

/** What a user allowed a client: the "Connected apps" list in settings. */
export const oauthConsent = pgTable(
  'oauth_consent',
  {
    id: text().primaryKey(),
    clientId: text()
      .notNull()
      .references(() => oauthClient.clientId, { onDelete: 'cascade' }),
    userId: text().references(() => user.id, { onDelete: 'cascade' }),
    referenceId: text(),
    resources: text().array(),
    requestedUserInfoClaims: text().array(),
    scopes: text().array().notNull(),
    createdAt: timestamptz(),
    updatedAt: timestamptz(),
  },
  (table) => [
    index('oauth_consent_client_id_idx').on(table.clientId),
    index('oauth_consent_user_id_idx').on(table.userId),
  ],
);

/** Single-use `jti` of private_key_jwt client assertions (replay guard). */
export const oauthClientAssertion = pgTable('oauth_client_assertion', {
  id: text().primaryKey(),
  expiresAt: timestamptz().notNull(),
});
