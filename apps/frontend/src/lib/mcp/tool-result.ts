import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { TokenScope } from '@todo/contract';
import type { BackendFailure } from '@/lib/backend/result';

/** Words a model can act on when a read-only token tries to change something. */
export const READ_ONLY_MESSAGE =
  'This token can only read: nothing was changed. To add or change tasks, the person must ' +
  'connect with a token that can read and write.';

/** A successful result: readable text for the model, the same facts as data for a program. */
export function toolResult(text: string, data: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent: data };
}

/** A tool error (isError): the model sees the message and can correct the call. */
export function toolError(message: string): CallToolResult {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** The refusal a write tool answers with for a read-only token, before calling the backend. */
export function refuseReadOnly(scope: TokenScope): CallToolResult | null {
  return scope === 'read' ? toolError(READ_ONLY_MESSAGE) : null;
}

/** A backend failure as a tool error. */
export function failureResult(failure: BackendFailure, subject: string): CallToolResult {
  return toolError(failureMessage(failure, subject));
}

/**
 * What went wrong, for a model. `subject` names what was asked for ("Task 12"): the backend
 * answers 404 alike for a task that never existed and another person's.
 */
export function failureMessage(failure: BackendFailure, subject: string): string {
  switch (failure.reason) {
    case 'not-found':
      return `${subject} was not found. Use find_tasks or list_projects to look up ids.`;
    case 'forbidden':
      return READ_ONLY_MESSAGE;
    case 'invalid':
    case 'refused': {
      const fields = failure.fieldErrors.map((error) => `${error.path || '/'}: ${error.message}`);
      return [failure.message, ...fields].join('\n');
    }
    case 'conflict':
      return `${subject} changed while this call ran. Read it again and retry.`;
    default:
      return failure.message;
  }
}
