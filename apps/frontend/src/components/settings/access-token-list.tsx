'use client';

import { type FormEvent, useState, useTransition } from 'react';
import { Modal } from '@/components/ui/modal';
import { ModalActions } from '@/components/ui/modal-actions';
import { useToast } from '@/components/ui/toaster';
import { describeDue } from '@/lib/tasks/format-due';
import { TOKEN_SCOPE_OPTIONS } from '@/lib/tokens/token-draft';
import type { PersonalTokenItem } from '@/lib/tokens/token-service';
import { revokeAccessTokenAction } from './access-token-actions';
import { SettingsRow } from './settings-row';

const scopeLabel = (scope: PersonalTokenItem['scope']) =>
  TOKEN_SCOPE_OPTIONS.find((option) => option.value === scope)?.label ?? scope;

/** The user's tokens (never the tokens themselves) with Revoke, which asks first. */
export function AccessTokenList({
  tokens,
  timeZone,
}: {
  tokens: PersonalTokenItem[];
  timeZone: string;
}) {
  const [revoking, setRevoking] = useState<PersonalTokenItem | null>(null);
  const now = new Date();
  const when = (iso: string) => describeDue(iso, now, timeZone).text;

  if (tokens.length === 0) return <p className="settings-note">You have no access tokens.</p>;
  return (
    <>
      <ul className="device-list" aria-label="Access tokens">
        {tokens.map((token) => (
          <SettingsRow
            key={token.id}
            label={
              <>
                {token.name} <span className="token-hint">{token.hint}</span>
              </>
            }
            note={
              <>
                {scopeLabel(token.scope)} · Created {when(token.createdAt)} ·{' '}
                {token.expired ? (
                  <strong>Expired</strong>
                ) : token.expiresAt ? (
                  `Expires ${when(token.expiresAt)}`
                ) : (
                  'Never expires'
                )}{' '}
                · Last used: {token.lastUsedAt ? when(token.lastUsedAt) : 'never'}
              </>
            }
            actions={[
              { label: 'Revoke', name: `Revoke ${token.name}`, onClick: () => setRevoking(token) },
            ]}
          />
        ))}
      </ul>
      {revoking ? <RevokeDialog token={revoking} onClose={() => setRevoking(null)} /> : null}
    </>
  );
}

function RevokeDialog({ token, onClose }: { token: PersonalTokenItem; onClose: () => void }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const toast = useToast();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    startTransition(async () => {
      const revoked = await revokeAccessTokenAction(token.id).catch(() => null);
      if (!revoked?.ok) {
        setMessage(revoked?.message ?? 'The token was not revoked. Try again.');
        return;
      }
      toast({ tone: 'success', message: `Revoked “${token.name}”.` });
      onClose();
    });
  }

  return (
    <Modal
      title={`Revoke “${token.name}”?`}
      description="Scripts and assistants using it stop working at once. This cannot be undone."
      onClose={onClose}
    >
      <form className="modal-form" onSubmit={submit} aria-busy={pending || undefined}>
        <ModalActions message={message} onCancel={onClose} pending={pending} danger focusCancel>
          Revoke
        </ModalActions>
      </form>
    </Modal>
  );
}
