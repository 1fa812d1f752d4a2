// The new-task form as the tasks page renders it (projects, toasts), for the form's tests.
import { render, screen, within } from '@testing-library/react';
import { ProjectsProvider } from '@/components/projects/projects-context';
import { NewTaskForm } from '@/components/tasks/new-task-form';
import { ToastProvider } from '@/components/ui/toaster';
import type { QuickAddDefaults } from '@/lib/tasks/quick-add';
import { projectFixture } from './project-fixture';

export const FORM_PROJECTS = [
  projectFixture({ id: 1, name: 'Inbox', is_inbox: true }),
  projectFixture({ id: 2, name: 'Home' }),
];

export function renderNewTaskForm({
  timeZone = 'Europe/Berlin',
  suggestions = [],
  defaults,
  onOptimistic = () => {},
  onOutcome = () => {},
}: {
  timeZone?: string;
  suggestions?: string[];
  defaults?: QuickAddDefaults;
  onOptimistic?: Parameters<typeof NewTaskForm>[0]['onOptimistic'];
  onOutcome?: Parameters<typeof NewTaskForm>[0]['onOutcome'];
}) {
  render(
    <ToastProvider>
      <ProjectsProvider value={{ active: FORM_PROJECTS, archived: [] }}>
        <NewTaskForm
          timeZone={timeZone}
          suggestions={suggestions}
          {...(defaults ? { defaults } : {})}
          onOptimistic={onOptimistic}
          onOutcome={onOutcome}
        />
      </ProjectsProvider>
    </ToastProvider>,
  );
  const form = screen.getByRole('form', { name: 'New task' });
  return {
    form,
    title: within(form).getByLabelText('Title') as HTMLInputElement,
    description: within(form).getByLabelText('Description (optional)', {
      selector: 'textarea',
    }) as HTMLTextAreaElement,
    more: within(form).getByRole('button', { name: 'More options' }),
    chips: () => within(form).queryAllByRole('listitem'),
  };
}
