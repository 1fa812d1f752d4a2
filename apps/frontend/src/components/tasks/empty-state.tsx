import Link from 'next/link';
import { AlertIcon, CalendarIcon, CheckIcon, InboxIcon, SearchIcon, SunIcon } from '../ui/icons';

/** Each view's empty state teaches the quick-add syntax with an example that fits it. */
export const QUICK_ADD_EXAMPLES = {
  inbox: 'Call the plumber tomorrow 9am p2 @phone',
  today: 'Pay rent today 6pm every month p1 #Home',
  upcoming: 'Pay rent tomorrow 9am every month p1 #Home',
  project: 'Book flights next fri p2 @travel',
} as const;

const CONTENT = {
  'no-tasks': {
    icon: CheckIcon,
    title: 'Nothing on your list yet',
    body: 'Add your first task with the form — press N from anywhere to start typing.',
  },
  'no-match': {
    icon: SearchIcon,
    title: 'No tasks match',
    body: 'Try another word, or clear the filters to see everything.',
  },
  inbox: {
    icon: InboxIcon,
    title: 'Your Inbox is empty',
    body: 'New tasks land here unless you name a project.',
  },
  today: {
    icon: SunIcon,
    title: 'Nothing due today',
    body: 'Tasks due today and those overdue show here.',
  },
  upcoming: {
    icon: CalendarIcon,
    title: 'Nothing coming up',
    body: 'Tasks with a due date show here, day by day for the next week, then later ones.',
  },
  project: {
    icon: CheckIcon,
    title: 'No open tasks in this project',
    body: 'Add one, or move a task here with its “Move to…” button (or M on its row).',
  },
  unavailable: {
    icon: AlertIcon,
    title: 'Your tasks could not be loaded',
    body: 'The task service is not answering. Reload in a moment; your tasks are safe.',
  },
} as const;

export function EmptyState({ kind }: { kind: keyof typeof CONTENT }) {
  const { icon: Icon, title, body } = CONTENT[kind];
  return (
    <div className={`empty-state empty-${kind}`}>
      <span className="empty-icon">
        <Icon width={28} height={28} />
      </span>
      <p className="empty-title">{title}</p>
      <p className="empty-body">{body}</p>
      {kind in QUICK_ADD_EXAMPLES ? (
        <p className="empty-body empty-example">
          Try: <kbd>{QUICK_ADD_EXAMPLES[kind as keyof typeof QUICK_ADD_EXAMPLES]}</kbd> — press{' '}
          <kbd>q</kbd> to start typing.
        </p>
      ) : null}
      {kind === 'no-match' ? (
        <Link href="/" className="button button-ghost">
          Clear filters
        </Link>
      ) : null}
    </div>
  );
}
