'use server';

import {
  CreateWebhookBody,
  UpdateWebhookBody,
  type Webhook,
  type WebhookDelivery,
  type WebhookTestResult,
  type WebhookWithSecret,
} from '@todo/contract';
import Value from 'typebox/value';
import { asUser, type SettingsResult } from './settings-result';

const invalid = { ok: false, message: 'That is not a webhook this app can save.' } as const;
const isId = (id: unknown): id is number =>
  typeof id === 'number' && Number.isSafeInteger(id) && id > 0;

/** Adds a webhook; the answer's secret is shown once and never again. */
export async function createWebhookAction(
  body: CreateWebhookBody,
): Promise<SettingsResult<WebhookWithSecret>> {
  if (!Value.Check(CreateWebhookBody, body)) return invalid;
  return asUser((client) => client.createWebhook(body));
}

export async function updateWebhookAction(
  id: number,
  body: UpdateWebhookBody,
): Promise<SettingsResult<Webhook>> {
  if (!isId(id) || !Value.Check(UpdateWebhookBody, body)) return invalid;
  return asUser((client) => client.updateWebhook(id, body));
}

export async function deleteWebhookAction(id: number): Promise<SettingsResult<null>> {
  if (!isId(id)) return invalid;
  return asUser((client) => client.deleteWebhook(id));
}

export async function rotateWebhookSecretAction(
  id: number,
): Promise<SettingsResult<WebhookWithSecret>> {
  if (!isId(id)) return invalid;
  return asUser((client) => client.rotateWebhookSecret(id));
}

export async function testWebhookAction(id: number): Promise<SettingsResult<WebhookTestResult>> {
  if (!isId(id)) return invalid;
  return asUser((client) => client.testWebhook(id));
}

export async function webhookDeliveriesAction(
  id: number,
): Promise<SettingsResult<{ items: WebhookDelivery[] }>> {
  if (!isId(id)) return invalid;
  return asUser((client) => client.listWebhookDeliveries(id));
}
