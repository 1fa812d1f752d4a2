'use client';

import { WEBHOOK_EVENTS, WEBHOOK_LIMITS, type Webhook, type WebhookEvent } from '@todo/contract';
import { useState, useTransition } from 'react';
import { useToast } from '@/components/ui/toaster';
import { createWebhookAction } from './webhook-actions';
import { WebhookRow } from './webhook-row';
import { WebhookSecret } from './webhook-secret';

/** The "Webhooks" section: add one (URL and events), the list, each with its actions. */
export function WebhooksSettings({
  webhooks,
  timeZone,
}: {
  webhooks: Webhook[];
  timeZone: string;
}) {
  const [pending, startTransition] = useTransition();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...WEBHOOK_EVENTS]);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toast = useToast();
  const full = webhooks.length >= WEBHOOK_LIMITS.perUser;

  const toggleEvent = (event: WebhookEvent, on: boolean) =>
    setEvents((current) =>
      on
        ? WEBHOOK_EVENTS.filter((e) => e === event || current.includes(e))
        : current.filter((e) => e !== event),
    );

  const add = (form: FormData) =>
    startTransition(async () => {
      const created = await createWebhookAction({
        url: String(form.get('url') ?? '').trim(),
        events,
      });
      if (!created.ok) {
        setError(created.message);
        return;
      }
      setError(null);
      setUrl('');
      setSecret(created.data.secret);
      toast({ tone: 'success', message: 'Webhook added.' });
    });

  return (
    <div className="settings-group" aria-busy={pending || undefined}>
      <p className="settings-note">
        Each task event you choose is POSTed to your URL as JSON, signed with the webhook’s secret.
      </p>
      {secret ? <WebhookSecret secret={secret} onDone={() => setSecret(null)} /> : null}
      <form action={add} className="webhook-form" aria-label="Add a webhook">
        <label className="webhook-url">
          URL
          <input
            name="url"
            type="url"
            required
            maxLength={WEBHOOK_LIMITS.urlMax}
            placeholder="https://example.com/todo-events"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'webhook-error' : undefined}
          />
        </label>
        <fieldset className="webhook-events">
          <legend>Events</legend>
          {WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="settings-check">
              <input
                type="checkbox"
                checked={events.includes(event)}
                onChange={(change) => toggleEvent(event, change.target.checked)}
              />
              {event}
            </label>
          ))}
        </fieldset>
        {error ? (
          <p id="webhook-error" className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          className="button button-primary button-small"
          disabled={pending || full || events.length === 0}
        >
          Add webhook
        </button>
        {full ? (
          <p className="settings-note">
            You have {WEBHOOK_LIMITS.perUser} webhooks, the most there may be.
          </p>
        ) : null}
      </form>
      {webhooks.length === 0 ? (
        <p className="settings-note">No webhooks yet.</p>
      ) : (
        <ul className="device-list" aria-label="Webhooks">
          {webhooks.map((webhook) => (
            <WebhookRow
              key={webhook.id}
              webhook={webhook}
              timeZone={timeZone}
              onSecret={setSecret}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
