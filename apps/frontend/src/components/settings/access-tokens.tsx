import type { PersonalTokenItem } from '@/lib/tokens/token-service';
import { AccessTokenForm } from './access-token-form';
import { AccessTokenList } from './access-token-list';

/** Settings → Access tokens: personal tokens for the public API (/api/v1) and /mcp. */
export function AccessTokens({
  tokens,
  timeZone,
}: {
  tokens: PersonalTokenItem[];
  timeZone: string;
}) {
  return (
    <section aria-labelledby="access-tokens-heading" className="settings-section">
      <h2 id="access-tokens-heading">Access tokens</h2>
      <p className="settings-note">
        A token lets a script or an assistant use your tasks through the API (<code>/api/v1</code>)
        or MCP (<code>/mcp</code>) as <code>Authorization: Bearer</code>. A read-only token cannot
        change anything.
      </p>
      <AccessTokenForm timeZone={timeZone} />
      <h3 className="settings-subheading">Your tokens</h3>
      <AccessTokenList tokens={tokens} timeZone={timeZone} />
    </section>
  );
}
