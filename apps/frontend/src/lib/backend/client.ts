import 'server-only';
import {
  CalendarFeedList,
  type CreateCalendarFeedBody,
  CreatedCalendarFeed,
  type CreateProjectBody,
  type CreateTaskBody,
  type CreateWebhookBody,
  type ExportFormat,
  type ImportSource,
  ImportSummary,
  type ListProjectsQuery,
  type ListTasksQuery,
  NotificationSettings,
  type PatchProjectBody,
  type PatchTaskBody,
  Problem,
  Project,
  ProjectList,
  PushDevice,
  PushDeviceList,
  type PushSubscriptionBody,
  type SnoozeBody,
  TagList,
  Task,
  TaskList,
  taskEtag,
  type UpdateNotificationSettingsBody,
  type UpdateWebhookBody,
  Webhook,
  WebhookDeliveryList,
  WebhookList,
  WebhookTestResult,
  WebhookWithSecret,
} from '@todo/contract';
import type { Static, TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import { type CallCredential, callToken } from '@/lib/backend/call-token';
import {
  type BackendFailure,
  type BackendResult,
  type FailureReason,
  failure,
  UNAVAILABLE_MESSAGE,
} from '@/lib/backend/result';
import { getServerEnv } from '@/lib/env/server';
import { listQueryString } from '@/lib/tasks/query';

export interface BackendClientOptions {
  /** BACKEND_URL without a trailing slash; the only host this client ever calls. */
  baseUrl: string;
  /** BETTER_AUTH_SECRET, shared with the backend, signs one short-lived token per call. */
  secret: string;
  /** The signed-in user: the token's `sub` and the `{user_id}` of every path. */
  userId: string;
  /** Milliseconds before a call counts as the backend being unavailable. */
  timeoutMs?: number;
  /**
   * The token or grant the call is made with (/api/v1, /mcp): its scope and id travel in the
   * backend token, so a read credential cannot write. Left out for the signed-in user's own calls.
   */
  credential?: CallCredential;
  fetch?: typeof fetch;
}

const REASONS: Record<number, FailureReason> = {
  400: 'invalid',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  412: 'conflict',
  413: 'too-large',
  422: 'invalid',
};

const MESSAGES: Record<FailureReason, string> = {
  unavailable: UNAVAILABLE_MESSAGE,
  unauthorized: 'Your session has expired. Sign in again.',
  forbidden: 'You are not allowed to do that.',
  'not-found': 'That task no longer exists. It may have been deleted elsewhere.',
  invalid: 'Some fields need attention.',
  'too-large': 'That is too much text for one task.',
  conflict: 'This task was changed elsewhere after you opened it.',
  refused: 'The task service refused the change.',
};

/** A file sent as it is (an import), not as JSON. */
interface FileBody {
  text: string;
  contentType: string;
}

const TRANSFER_TIMEOUT_MS = 60_000;

export interface ImportRequest {
  source: ImportSource;
  dryRun: boolean;
  /** todoist: the project the file's tasks go into. */
  projectName?: string;
  /** todoist: the zone of dates in rows without a TIMEZONE. */
  timeZone?: string;
}

const validators = new WeakMap<TSchema, Validator>();

/**
 * Whether an answer keeps the contract, with each schema compiled once per process: TypeBox's
 * compiled check is the same check as `Value.Check`, about ten times faster (50 tasks: 0.23 ms
 * against 2.7 ms), and every page checks five or six answers.
 */
function conforms<T extends TSchema>(schema: T, value: unknown): value is Static<T> {
  let validator = validators.get(schema);
  if (!validator) {
    validator = Compile(schema);
    validators.set(schema, validator);
  }
  return validator.Check(value);
}

async function problemFrom(response: Response): Promise<BackendFailure> {
  if (response.status >= 500) return failure('unavailable', UNAVAILABLE_MESSAGE);
  const reason = REASONS[response.status] ?? 'refused';
  const body: unknown = await response.json().catch(() => null);
  if (!conforms(Problem, body)) return failure(reason, MESSAGES[reason]);
  const detail = reason === 'invalid' || reason === 'refused' ? body.detail : undefined;
  return failure(reason, detail ?? MESSAGES[reason], body.errors ?? []);
}

/** The typed data layer: every backend call of the app goes through one of these methods. */
export function createBackendClient(options: BackendClientOptions) {
  const { baseUrl, secret, userId, timeoutMs = 8000, credential } = options;
  const fetchImpl = options.fetch ?? fetch;
  const userPath = `/api/${encodeURIComponent(userId)}`;

  async function send(
    method: string,
    path: string,
    body?: unknown,
    version?: number,
    file?: FileBody,
  ): Promise<Response | null> {
    try {
      const token = await callToken(secret, userId, credential);
      return await fetchImpl(`${baseUrl}${userPath}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...(file ? { 'content-type': file.contentType } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          // The write applies only to this version of the task; another answers 412.
          ...(version === undefined ? {} : { 'if-match': taskEtag(version) }),
        },
        body: file ? file.text : body === undefined ? undefined : JSON.stringify(body),
        redirect: 'error',
        cache: 'no-store',
        // Import and export handle up to 5,000 tasks: seconds, not the milliseconds of a call.
        signal: AbortSignal.timeout(
          file || path.startsWith('/export') ? TRANSFER_TIMEOUT_MS : timeoutMs,
        ),
      });
    } catch {
      return null;
    }
  }

  async function call<T extends TSchema>(
    method: string,
    path: string,
    schema: T,
    body?: unknown,
    version?: number,
    file?: FileBody,
  ): Promise<BackendResult<Static<T>>> {
    const response = await send(method, path, body, version, file);
    if (!response) return failure('unavailable', UNAVAILABLE_MESSAGE);
    if (!response.ok) return problemFrom(response);
    const data: unknown = await response.json().catch(() => undefined);
    // An answer that breaks the contract is treated like an outage, not shown half-parsed.
    if (!conforms(schema, data)) return failure('unavailable', UNAVAILABLE_MESSAGE);
    return { ok: true, data };
  }

  /** A call whose answer has no body (204, 202): only whether it worked. */
  async function callEmpty(
    method: string,
    path: string,
    body?: unknown,
    version?: number,
  ): Promise<BackendResult<null>> {
    const response = await send(method, path, body, version);
    if (!response) return failure('unavailable', UNAVAILABLE_MESSAGE);
    if (!response.ok) return problemFrom(response);
    return { ok: true, data: null };
  }

  const taskPath = (id: number) => `/tasks/${Math.trunc(id)}`;
  const projectPath = (id: number) => `/projects/${Math.trunc(id)}`;

  return {
    listTasks: (query: ListTasksQuery) => {
      const search = listQueryString(query);
      return call('GET', search ? `/tasks?${search}` : '/tasks', TaskList);
    },
    getTask: (id: number) => call('GET', taskPath(id), Task),
    createTask: (body: CreateTaskBody) => call('POST', '/tasks', Task, body),
    /** Changes the fields named; with `version`, only if the task is still at that version. */
    updateTask: (id: number, body: PatchTaskBody, version?: number) =>
      call('PATCH', taskPath(id), Task, body, version),
    /** With `subtasks: 'complete'`, completing a parent completes its open subtasks too. */
    toggleComplete: (id: number, options: { subtasks?: 'complete' } = {}) =>
      call(
        'PATCH',
        `${taskPath(id)}/complete${options.subtasks ? '?subtasks=complete' : ''}`,
        Task,
      ),
    /** With `version`, only if the task is still at that version (else a 412 conflict). */
    deleteTask: (id: number, version?: number) =>
      callEmpty('DELETE', taskPath(id), undefined, version),
    /** Adds an `at` reminder (a preset or a time); with `version`, only if still at it. */
    snoozeTask: (id: number, body: SnoozeBody, version?: number) =>
      call('POST', `${taskPath(id)}/snooze`, Task, body, version),
    getNotificationSettings: () => call('GET', '/notification-settings', NotificationSettings),
    updateNotificationSettings: (body: UpdateNotificationSettingsBody) =>
      call('PATCH', '/notification-settings', NotificationSettings, body),
    listPushDevices: () => call('GET', '/push-subscriptions', PushDeviceList),
    /** Stores this browser's subscription (the same endpoint again updates it). */
    addPushDevice: (body: PushSubscriptionBody) =>
      call('POST', '/push-subscriptions', PushDevice, body),
    removePushDevice: (id: number) => callEmpty('DELETE', `/push-subscriptions/${Math.trunc(id)}`),
    /** Sends a test push to that device now. */
    testPushDevice: (id: number) => callEmpty('POST', `/push-subscriptions/${Math.trunc(id)}/test`),
    listTags: () => call('GET', '/tags', TagList),
    /** Active projects in sidebar order, the Inbox first; `archived: true` the archived ones. */
    listProjects: (query: ListProjectsQuery = {}) =>
      call('GET', query.archived ? '/projects?archived=true' : '/projects', ProjectList),
    getProject: (id: number) => call('GET', projectPath(id), Project),
    createProject: (body: CreateProjectBody) => call('POST', '/projects', Project, body),
    /** Renames, recolours, moves or (un)archives; with `version`, only if still at it. */
    updateProject: (id: number, body: PatchProjectBody, version?: number) =>
      call('PATCH', projectPath(id), Project, body, version),
    /** Deletes the project with its tasks, or after moving them to `moveTasksTo`. */
    deleteProject: (id: number, options: { version?: number; moveTasksTo?: number } = {}) =>
      callEmpty(
        'DELETE',
        options.moveTasksTo === undefined
          ? projectPath(id)
          : `${projectPath(id)}?move_tasks_to=${Math.trunc(options.moveTasksTo)}`,
        undefined,
        options.version,
      ),
    listCalendarFeeds: () => call('GET', '/calendar-feeds', CalendarFeedList),
    /** Makes the feed (every task, or one project's) or gives it a new URL; the token once. */
    createCalendarFeed: (body: CreateCalendarFeedBody) =>
      call('POST', '/calendar-feeds', CreatedCalendarFeed, body),
    deleteCalendarFeed: (id: number) => callEmpty('DELETE', `/calendar-feeds/${Math.trunc(id)}`),

    listWebhooks: () => call('GET', '/webhooks', WebhookList),
    /** The answer holds the signing secret: the only time it is shown. */
    createWebhook: (body: CreateWebhookBody) => call('POST', '/webhooks', WebhookWithSecret, body),
    updateWebhook: (id: number, body: UpdateWebhookBody) =>
      call('PATCH', `/webhooks/${Math.trunc(id)}`, Webhook, body),
    deleteWebhook: (id: number) => callEmpty('DELETE', `/webhooks/${Math.trunc(id)}`),
    rotateWebhookSecret: (id: number) =>
      call('POST', `/webhooks/${Math.trunc(id)}/rotate-secret`, WebhookWithSecret),
    listWebhookDeliveries: (id: number) =>
      call('GET', `/webhooks/${Math.trunc(id)}/deliveries`, WebhookDeliveryList),
    /** Sends a signed ping now; the answer says what the receiver did. */
    testWebhook: (id: number) =>
      call('POST', `/webhooks/${Math.trunc(id)}/test`, WebhookTestResult),

    /**
     * The user's live changes (text/event-stream), resumed after `lastEventId`; open until
     * `signal` aborts or the backend ends it. Null when the backend cannot be reached.
     */
    openEvents: async (lastEventId: string | undefined, signal: AbortSignal) => {
      // Only the answer's headers are timed: the stream itself stays open.
      const headersTimeout = new AbortController();
      const timer = setTimeout(() => headersTimeout.abort(), timeoutMs);
      try {
        const token = await callToken(secret, userId, credential);
        return await fetchImpl(`${baseUrl}${userPath}/events`, {
          headers: {
            authorization: `Bearer ${token}`,
            accept: 'text/event-stream',
            ...(lastEventId ? { 'last-event-id': lastEventId } : {}),
          },
          redirect: 'error',
          cache: 'no-store',
          signal: AbortSignal.any([signal, headersTimeout.signal]),
        });
      } catch {
        return null;
      } finally {
        clearTimeout(timer);
      }
    },
    /** Every project and task as a download; the backend's answer as it is (null: unreachable). */
    exportAll: (format: ExportFormat) =>
      send('GET', `/export?format=${format === 'csv' ? 'csv' : 'json'}`),
    /** Imports our JSON export or a Todoist CSV; with `dryRun`, previews and changes nothing. */
    importFile: (text: string, request: ImportRequest) => {
      const query = new URLSearchParams({
        source: request.source,
        dry_run: String(request.dryRun),
      });
      if (request.projectName) query.set('project_name', request.projectName);
      if (request.timeZone) query.set('time_zone', request.timeZone);
      const contentType = request.source === 'json' ? 'application/json' : 'text/csv';
      return call('POST', `/import?${query}`, ImportSummary, undefined, undefined, {
        text,
        contentType,
      });
    },
  };
}

export type BackendClient = ReturnType<typeof createBackendClient>;

/**
 * The client for one signed-in user, configured from the validated environment; with a
 * credential, for a caller of /api/v1 or /mcp acting with that token's scope.
 */
export function backendFor(userId: string, credential?: CallCredential): BackendClient {
  const env = getServerEnv();
  return createBackendClient({
    baseUrl: env.backendUrl,
    secret: env.authSecret,
    userId,
    credential,
  });
}

/**
 * Turns the daily digest off for whoever the emailed token names: the token is the credential,
 * so no one needs to be signed in (the digest's unsubscribe link).
 */
export async function unsubscribeDigest(
  token: string,
  fetchImpl: typeof fetch = fetch,
): Promise<BackendResult<null>> {
  const env = getServerEnv();
  try {
    const response = await fetchImpl(`${env.backendUrl}/api/unsubscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token }),
      redirect: 'error',
      cache: 'no-store',
      signal: AbortSignal.timeout(8000),
    });
    return response.ok ? { ok: true, data: null } : await problemFrom(response);
  } catch {
    return failure('unavailable', UNAVAILABLE_MESSAGE);
  }
}
