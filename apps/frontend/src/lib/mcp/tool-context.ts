import 'server-only';
import type { TokenScope } from '@todo/contract';
import { type BackendClient, backendFor } from '@/lib/backend/client';
import type { Credential } from '@/lib/tokens/authenticate';

/** What every tool of one /mcp request works with: the caller's backend client and scope. */
export interface ToolContext {
  backend: BackendClient;
  scope: TokenScope;
  /** The person's IANA zone (their notification settings); UTC when it cannot be read. */
  userTimeZone(): Promise<string>;
}

export function toolContext(credential: Credential): ToolContext {
  const backend = backendFor(credential.userId, credential);
  let zone: Promise<string> | undefined;
  return {
    backend,
    scope: credential.scope,
    userTimeZone() {
      zone ??= backend
        .getNotificationSettings()
        .then((settings) => (settings.ok ? settings.data.time_zone : 'UTC'));
      return zone;
    },
  };
}
