/** One row of change_events as live updates send it: which thing changed, and how. */
export interface ChangeEvent {
  id: number;
  userId: string;
  entity: 'task' | 'project';
  entityId: number;
  op: 'created' | 'updated' | 'completed' | 'deleted';
}

/** One open stream: what the hub calls to send it something, and to end it. */
export interface Subscriber {
  change(event: ChangeEvent): void;
  /** Too much was missed to send it event by event: the page reloads its data. */
  reset(latestId?: number): void;
  end(): void;
}

/** How many ids the hub remembers to drop a change it already sent (a NOTIFY and a catch-up). */
const RECENT_IDS = 10_000;

/**
 * The open streams of this process by user: a change reaches only the streams of the user it
 * belongs to. In memory; every replica has its own, fed by its own LISTEN connection.
 */
export function createChangeHub(options: { streamsPerUser: number }) {
  const byUser = new Map<string, Set<Subscriber>>();
  const recent = new Set<number>();
  const recentOrder: number[] = [];
  let open = 0;
  let closed = false;

  const remember = (id: number) => {
    if (recent.has(id)) return false;
    recent.add(id);
    recentOrder.push(id);
    if (recentOrder.length > RECENT_IDS) recent.delete(recentOrder.shift() as number);
    return true;
  };

  return {
    /** Adds a stream; null when the user has too many open already or the process is closing. */
    subscribe(userId: string, subscriber: Subscriber): (() => void) | null {
      const streams = byUser.get(userId) ?? new Set<Subscriber>();
      if (closed || streams.size >= options.streamsPerUser) return null;
      streams.add(subscriber);
      byUser.set(userId, streams);
      open++;
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        open--;
        streams.delete(subscriber);
        if (streams.size === 0) byUser.delete(userId);
      };
    },
    /** Whether anyone here listens for this user (no need to read the user's changes otherwise). */
    has: (userId: string) => byUser.has(userId),
    users: () => [...byUser.keys()],
    /** Sends each change, once, to its user's streams. */
    publish(events: readonly ChangeEvent[]) {
      for (const event of events) {
        if (!remember(event.id)) continue;
        for (const subscriber of byUser.get(event.userId) ?? []) subscriber.change(event);
      }
    },
    reset(userIds: readonly string[], latestId?: number) {
      for (const userId of userIds) {
        for (const subscriber of byUser.get(userId) ?? []) subscriber.reset(latestId);
      }
    },
    /** Open streams in this process (the live_streams_open gauge). */
    get size() {
      return open;
    },
    /** Ends every stream and refuses new ones: the process is shutting down. */
    closeAll() {
      closed = true;
      for (const streams of [...byUser.values()]) {
        for (const subscriber of [...streams]) subscriber.end();
      }
    },
  };
}

export type ChangeHub = ReturnType<typeof createChangeHub>;
