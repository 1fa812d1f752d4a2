'use client';

import { Modal } from '@/components/ui/modal';

/** Every shortcut of the app, as the help dialog lists them. */
export const SHORTCUTS: readonly { keys: string[]; does: string }[] = [
  { keys: ['q'], does: 'Add a task (focus the new task’s title)' },
  { keys: ['n'], does: 'Add a task (the same)' },
  { keys: ['/'], does: 'Search tasks (All tasks)' },
  { keys: ['g', 't'], does: 'Go to Today' },
  { keys: ['g', 'u'], does: 'Go to Upcoming' },
  { keys: ['g', 'i'], does: 'Go to Inbox' },
  { keys: ['m'], does: 'Move the focused task to another project' },
  { keys: ['?'], does: 'Show this list' },
  { keys: ['Esc'], does: 'Close a dialog, the menu or an edit' },
];

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
      <dl className="shortcut-list">
        {SHORTCUTS.map(({ keys, does }) => (
          <div key={keys.join(' ')} className="shortcut">
            <dt>
              {keys.map((key, index) => (
                <span key={key}>
                  {index > 0 ? <span className="shortcut-then"> then </span> : null}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{does}</dd>
          </div>
        ))}
      </dl>
      <div className="modal-actions">
        <button type="button" className="button button-primary" onClick={onClose} data-autofocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
