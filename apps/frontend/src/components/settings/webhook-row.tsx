'use client';

import type { Webhook, WebhookDelivery } from '@todo/contract';
import { useOptimistic, useState, useTransition } from 'react';
import { useToast } from '@/components/ui/toaster';
import { describeDue } from '@/lib/tasks/format-due';
import { SettingsRow } from './settings-row';
import {
  deleteWebhookAction,
  rotateWebhookSecretAction,
  testWebhookAction,
  updateWebhookAction,
  webhookDeliveriesAction,
} from './webhook-actions';

/** One webhook: active toggle, Send test, Rotate secret, Delete, and its delivery log. */
export function WebhookRow({
  webhook,
  timeZone,
  onSecret,
}: {
  webhook: Webhook;
  timeZone: string;
  onSecret: (secret: string) => void;
}) {
  const [pending, startTransition] = useTransition();
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  // Shown switched at once; the refreshed page confirms it, or a failure switches it back.
  const [active, setOptimisticActive] = useOptimistic(webhook.active);
  const toast = useToast();
  const now = new Date();
  const name = new URL(webhook.url).host;

  const run = (work: () => Promise<void>) => startTransition(work);
  const setActive = (active: boolean) =>
    run(async () => {
      setOptimisticActive(active);
      const updated = await updateWebhookAction(webhook.id, { active });
      if (!updated.ok) toast({ tone: 'error', message: updated.message });
    });
  const test = () =>
    run(async () => {
      const sent = await testWebhookAction(webhook.id);
      if (!sent.ok) toast({ tone: 'error', message: `The test was not sent. ${sent.message}` });
      else if (sent.data.delivered)
        toast({ tone: 'success', message: `${name} answered ${sent.data.response_status}.` });
      else toast({ tone: 'error', message: `The test did not land: ${sent.data.error}` });
    });
  const rotate = () =>
    run(async () => {
      const rotated = await rotateWebhookSecretAction(webhook.id);
      if (!rotated.ok) toast({ tone: 'error', message: rotated.message });
      else onSecret(rotated.data.secret);
    });
  const remove = () =>
    run(async () => {
      const removed = await deleteWebhookAction(webhook.id);
      toast(
        removed.ok
          ? { tone: 'success', message: `Deleted the webhook to ${name}.` }
          : { tone: 'error', message: removed.message },
      );
    });
  const showLog = () =>
    run(async () => {
      const log = await webhookDeliveriesAction(webhook.id);
      if (!log.ok) toast({ tone: 'error', message: log.message });
      else setDeliveries(log.data.items);
    });

  const when = (time: string | null) => (time ? describeDue(time, now, timeZone).text : '—');
  return (
    <SettingsRow
      className="webhook-row"
      busy={pending}
      label={webhook.url}
      note={webhook.events.join(', ')}
      controls={
        <label className="settings-check">
          <input
            type="checkbox"
            checked={active}
            disabled={pending}
            onChange={(change) => setActive(change.target.checked)}
          />
          Active
        </label>
      }
      actions={[
        {
          label: 'Send test',
          name: `Send a test to ${webhook.url}`,
          disabled: pending,
          onClick: test,
        },
        {
          label: 'Rotate secret',
          name: `Rotate the secret of ${webhook.url}`,
          disabled: pending,
          onClick: rotate,
        },
        { label: 'Delete', name: `Delete ${webhook.url}`, disabled: pending, onClick: remove },
        {
          label: deliveries ? 'Refresh log' : 'Deliveries',
          name: `Deliveries of ${webhook.url}`,
          disabled: pending,
          onClick: showLog,
        },
      ]}
    >
      {deliveries ? (
        deliveries.length === 0 ? (
          <p className="settings-note webhook-log">No deliveries yet.</p>
        ) : (
          <table className="webhook-log">
            <caption className="settings-note">Latest deliveries to {webhook.url}</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Answer</th>
                <th scope="col">Last attempt</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.id}>
                  <td>{delivery.event}</td>
                  <td>{delivery.status}</td>
                  <td>{delivery.attempts}</td>
                  <td>{delivery.error ?? delivery.response_status ?? '—'}</td>
                  <td suppressHydrationWarning>{when(delivery.last_attempt_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </SettingsRow>
  );
}
