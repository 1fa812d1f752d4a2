import Link from 'next/link';
import { BellIcon, CalendarIcon, RepeatIcon, SearchIcon, TagIcon } from '../ui/icons';
import { AppHeader } from './app-header';

const FEATURES = [
  {
    icon: CalendarIcon,
    title: 'Due dates that mean your day',
    text: 'Pick a date and time; see what is overdue, due today or this week.',
  },
  {
    icon: RepeatIcon,
    title: 'Repeating tasks',
    text: 'Daily, weekly, monthly or yearly — complete one and the next appears.',
  },
  {
    icon: TagIcon,
    title: 'Priorities and tags',
    text: 'High, medium, low at a glance; tags to group work, home, errands.',
  },
  {
    icon: SearchIcon,
    title: 'Find anything',
    text: 'Search, filter and sort, with links you can bookmark or share.',
  },
  {
    icon: BellIcon,
    title: 'Reminders',
    text: 'Optional browser notifications before a task comes due.',
  },
] as const;

/** What a visitor sees at `/`: what the app does and how to get in. */
export function Landing() {
  return (
    <>
      <AppHeader />
      <main id="main" className="page page-landing">
        <section className="hero">
          <h1 className="hero-title">Get things done, one clear list at a time.</h1>
          <p className="hero-text">
            A calm, fast to-do list with priorities, tags, due dates, reminders and repeating tasks.
            Your tasks are private to your account.
          </p>
          <div className="hero-actions">
            <Link href="/sign-up" className="button button-primary button-large">
              Create a free account
            </Link>
            <Link href="/sign-in" className="button button-ghost button-large">
              Sign in
            </Link>
          </div>
        </section>
        <section aria-labelledby="features-heading" className="features">
          <h2 id="features-heading" className="visually-hidden">
            Features
          </h2>
          <ul className="feature-grid">
            {FEATURES.map(({ icon: Icon, title, text }) => (
              <li key={title} className="feature card">
                <span className="feature-icon">
                  <Icon width={20} height={20} />
                </span>
                <h3 className="feature-title">{title}</h3>
                <p className="feature-text">{text}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </>
  );
}
