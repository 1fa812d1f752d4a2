import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/auth-card';
import { ConsentActions } from '@/components/oauth/consent-actions';
import { findClient } from '@/lib/auth/connected-apps';
import { describeScopes, OFFLINE_ACCESS } from '@/lib/auth/oauth-scopes';
import { getSession } from '@/lib/auth/session';
import './consent.css';

export const metadata: Metadata = { title: 'Connect an app' };

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Where the authorization server asks the signed-in user whether an assistant may use their
 * tasks. The query is the signed authorization request: what it shows (client, scope, redirect)
 * is what the signature covers, so a changed link fails when the answer is sent.
 */
export default async function ConsentPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  const params = await searchParams;
  const session = await getSession();
  if (!session) redirect('/sign-in');
  const clientId = first(params.client_id);
  const redirectUri = first(params.redirect_uri);
  const client = clientId ? await findClient(clientId) : null;
  if (!client || !redirectUri || !URL.canParse(redirectUri) || !first(params.sig)) {
    return (
      <AuthCard title="This link is not valid" subtitle="Start connecting again from the app.">
        {null}
      </AuthCard>
    );
  }
  const scopes = (first(params.scope) ?? '').split(' ').filter(Boolean);
  return (
    <AuthCard
      title={`Connect ${client.name}?`}
      subtitle={`${client.name} wants to use your Todo account (${session.user.email}).`}
    >
      <ul className="consent-facts">
        <li>
          <strong>It will be able to:</strong> {describeScopes(scopes)}.
        </li>
        <li>
          <strong>You will be sent back to:</strong> {new URL(redirectUri).host}
        </li>
        <li>
          {scopes.includes(OFFLINE_ACCESS)
            ? 'It stays connected until you disconnect it in Settings.'
            : 'Its access ends within an hour.'}
        </li>
      </ul>
      <ConsentActions />
    </AuthCard>
  );
}
