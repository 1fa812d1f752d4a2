// A Server-Sent Events reader over fetch, as a browser's EventSource reads the stream.
import type { LiveChange } from '@todo/contract';
import { expect } from 'vitest';

export interface EventFrame {
  id: string | undefined;
  event: string;
  data: string;
}

export interface EventStream {
  status: number;
  headers: Headers;
  /** Every event so far, in order. */
  frames: EventFrame[];
  /** Comment lines (heartbeats) so far. */
  comments: string[];
  /** Resolves when the server ends the stream (or it is closed here). */
  ended: Promise<void>;
  close(): void;
  /** The change events' parsed data so far. */
  changes(): LiveChange[];
  /** Waits until `count` events have arrived; fails the test after `ms`. */
  waitForFrames(count: number, ms?: number): Promise<EventFrame[]>;
  /** Waits for a change event that has these fields; fails the test after `ms`. */
  waitForChange(fields: Partial<LiveChange>, ms?: number): Promise<LiveChange>;
}

function parseBlock(block: string, stream: EventStream) {
  let frame: EventFrame | undefined;
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) {
      stream.comments.push(line);
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'retry') continue;
    frame ??= { id: undefined, event: 'message', data: '' };
    if (field === 'id') frame.id = value;
    else if (field === 'event') frame.event = value;
    else if (field === 'data') frame.data += value;
  }
  if (frame) stream.frames.push(frame);
}

/** Opens GET `url` with these headers and reads its events in the background. */
export async function openEventStream(
  url: string,
  headers: Record<string, string>,
): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const stream: EventStream = {
    status: response.status,
    headers: response.headers,
    frames: [],
    comments: [],
    ended: Promise.resolve(),
    close: () => controller.abort(),
    changes: () =>
      stream.frames
        .filter((frame) => frame.event === 'change')
        .map((frame) => JSON.parse(frame.data)),
    async waitForFrames(count, ms = 2_000) {
      await expect
        .poll(() => stream.frames.length, { timeout: ms, interval: 20 })
        .toBeGreaterThanOrEqual(count);
      return stream.frames;
    },
    async waitForChange(fields, ms = 2_000) {
      const find = () =>
        stream
          .changes()
          .find((change) =>
            Object.entries(fields).every(
              ([key, value]) => change[key as keyof LiveChange] === value,
            ),
          );
      await expect.poll(find, { timeout: ms, interval: 20 }).toBeDefined();
      return find() as LiveChange;
    },
  };
  stream.ended = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
          parseBlock(buffer.slice(0, end), stream);
          buffer = buffer.slice(end + 2);
        }
      }
    } catch {
      // Closed here.
    }
  })();
  return stream;
}
