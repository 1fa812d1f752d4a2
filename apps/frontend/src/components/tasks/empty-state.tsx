import Link from 'next/link';
import { AlertIcon, CheckIcon, SearchIcon } from '../ui/icons';

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
      {kind === 'no-match' ? (
        <Link href="/" className="button button-ghost">
          Clear filters
        </Link>
      ) : null}
    </div>
  );
}
