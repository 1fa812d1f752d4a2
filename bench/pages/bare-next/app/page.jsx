// The framework's limit for the tasks page: the markup of 50 task rows (checkbox, title, due
// date, priority, tags, as the real rows show them) rendered per request from memory, with no
// session, backend or client component. `dynamic` makes every request a render, as the real
// page's is.
export const dynamic = 'force-dynamic';

const PRIORITIES = ['low', 'medium', 'high'];
const TAGS = ['work', 'home', 'errands', 'health', 'finance'];
const DAY = 86_400_000;
const start = Date.UTC(2026, 11, 1);
const tasks = Array.from({ length: 50 }, (_, i) => ({
  id: i + 1,
  title: `Task ${i + 1}: call, check, write back`,
  priority: PRIORITIES[i % 3],
  tags: TAGS.filter((_, t) => (i + t) % 4 === 0),
  due: i % 5 === 0 ? null : new Date(start + (i - 10) * DAY),
}));
const day = new Intl.DateTimeFormat('en', { weekday: 'short', month: 'short', day: 'numeric' });

export default function Page() {
  return (
    <main>
      <h1>All tasks</h1>
      <form>
        <input name="title" aria-label="Add a task" placeholder="Add a task" />
      </form>
      <ul>
        {tasks.map((task) => (
          <li key={task.id}>
            <input type="checkbox" aria-label={`Complete ${task.title}`} />
            <span>{task.title}</span>
            {task.due ? (
              <time dateTime={task.due.toISOString()}>{day.format(task.due)}</time>
            ) : null}
            <span>{task.priority}</span>
            {task.tags.map((tag) => (
              <span key={tag}>#{tag}</span>
            ))}
          </li>
        ))}
      </ul>
    </main>
  );
}
