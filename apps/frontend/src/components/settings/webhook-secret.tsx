'use client';

import { useState } from 'react';

/** A signing secret, shown once right after it was made, with a Copy button. */
export function WebhookSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(secret).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="webhook-secret" role="status">
      <p className="settings-note">
        The signing secret, shown only now. Keep it with your receiver: it checks each delivery’s
        X-Todo-Signature with it.
      </p>
      <code className="webhook-secret-value">{secret}</code>
      <div className="device-actions">
        <button type="button" className="button button-primary button-small" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <button type="button" className="button button-ghost button-small" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
