'use client';

import type { CalendarFeed } from '@todo/contract';
import { Modal } from '@/components/ui/modal';
import { ModalActions } from '@/components/ui/modal-actions';

export interface ConfirmRequest {
  kind: 'regenerate' | 'delete';
  name: string;
  feed: CalendarFeed;
}

const WORDS = {
  regenerate: {
    title: (name: string) => `New URL for ${name}?`,
    description:
      'The current URL stops working at once: every calendar subscribed to it stops updating ' +
      'until it is given the new one.',
    action: 'Make a new URL',
  },
  delete: {
    title: (name: string) => `Delete the feed of ${name}?`,
    description: 'Its URL stops working at once, and calendars subscribed to it stop updating.',
    action: 'Delete feed',
  },
} as const;

/** Asks before a feed's URL stops working: calendars subscribed to it would go stale. */
export function CalendarFeedConfirm({
  request,
  onClose,
  onConfirm,
}: {
  request: ConfirmRequest;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const words = WORDS[request.kind];
  return (
    <Modal title={words.title(request.name)} description={words.description} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        <ModalActions onCancel={onClose} danger focusCancel>
          {words.action}
        </ModalActions>
      </form>
    </Modal>
  );
}
