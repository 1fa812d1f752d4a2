'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * A token just made: shown this once (only its hash is kept), with a Copy button. Focus moves
 * here so a screen reader announces it.
 */
export function NewAccessToken({
  token,
  name,
  onDone,
}: {
  token: string;
  name: string;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const box = useRef<HTMLElement>(null);
  useEffect(() => box.current?.focus(), []);

  const copy = () =>
    navigator.clipboard
      .writeText(token)
      .then(() => setCopied('yes'))
      .catch(() => setCopied('failed'));

  return (
    <section ref={box} className="new-token" aria-labelledby="new-token-heading" tabIndex={-1}>
      <h3 id="new-token-heading" className="settings-subheading">
        Your new token “{name}”
      </h3>
      <p className="new-token-warning">
        Copy it now: it will not be shown again. Anyone who has it can use your account as it
        allows, so keep it like a password.
      </p>
      <div className="new-token-row">
        <input
          className="input new-token-value"
          readOnly
          value={token}
          aria-label="New access token"
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button-primary button-small" onClick={copy}>
          Copy
        </button>
      </div>
      <p className="settings-note" role="status">
        {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Select the token and copy it.' : ''}
      </p>
      <div>
        <button type="button" className="button button-ghost button-small" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </section>
  );
}
