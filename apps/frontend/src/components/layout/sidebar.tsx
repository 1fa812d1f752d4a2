'use client';

import type { Project, TagCount } from '@todo/contract';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { type ComponentType, type SVGProps, useState, useTransition } from 'react';
import { arrangeProjectAction } from '@/components/projects/actions';
import { DeleteProjectDialog } from '@/components/projects/delete-project-dialog';
import { ProjectDialog } from '@/components/projects/project-dialog';
import { ProjectDot } from '@/components/projects/project-dot';
import { ProjectMenu } from '@/components/projects/project-menu';
import { useProjects } from '@/components/projects/projects-context';
import { CalendarIcon, InboxIcon, ListIcon, PlusIcon, SunIcon } from '@/components/ui/icons';
import { useToast } from '@/components/ui/toaster';
import { neighbourPosition } from '@/lib/projects/order';

/** The link's name with its count in words ("Home, 3 open"): flex items would split it up. */
function countedName(label: string, count: number): string {
  return count > 0 ? `${label}, ${count} open` : label;
}

function Count({ value }: { value: number }) {
  if (value === 0) return null;
  return (
    <span className="nav-count" aria-hidden="true">
      {value}
    </span>
  );
}

function NavLink({
  href,
  current,
  icon: Icon,
  label,
  count = 0,
}: {
  href: string;
  current: boolean;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  label: string;
  count?: number;
}) {
  return (
    <li>
      <Link
        href={href}
        className="nav-link"
        aria-current={current ? 'page' : undefined}
        aria-label={countedName(label, count)}
      >
        <Icon className="nav-icon" />
        <span className="nav-label">{label}</span>
        <Count value={count} />
      </Link>
    </li>
  );
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; project: Project }
  | { kind: 'delete'; project: Project };

/** The views, the projects with their open counts and actions, and the tags. */
export function Sidebar({ tags }: { tags: TagCount[] }) {
  const pathname = usePathname();
  const { active, archived, unavailable } = useProjects();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [pending, startTransition] = useTransition();
  const toast = useToast();
  const inbox = active.find((project) => project.is_inbox);
  const projects = active.filter((project) => !project.is_inbox);

  const arrange = (
    project: Project,
    change: { position?: number; archived?: boolean },
    done: string,
  ) =>
    startTransition(async () => {
      const result = await arrangeProjectAction(project.id, project.version, change);
      if (result.ok) toast({ tone: 'success', message: done });
      else
        toast({ tone: 'error', message: `Could not change “${project.name}”. ${result.message}` });
    });

  const menuItems = (project: Project) => {
    const up = neighbourPosition(active, project.id, -1);
    const down = neighbourPosition(active, project.id, 1);
    return project.archived
      ? [
          {
            label: 'Unarchive',
            onSelect: () => arrange(project, { archived: false }, `Unarchived “${project.name}”`),
          },
          {
            label: 'Delete…',
            danger: true,
            onSelect: () => setDialog({ kind: 'delete', project }),
          },
        ]
      : [
          { label: 'Edit…', onSelect: () => setDialog({ kind: 'edit', project }) },
          {
            label: 'Move up',
            disabled: up === null,
            onSelect: () =>
              up !== null && arrange(project, { position: up }, `Moved “${project.name}” up`),
          },
          {
            label: 'Move down',
            disabled: down === null,
            onSelect: () =>
              down !== null && arrange(project, { position: down }, `Moved “${project.name}” down`),
          },
          {
            label: 'Archive',
            onSelect: () => arrange(project, { archived: true }, `Archived “${project.name}”`),
          },
          {
            label: 'Delete…',
            danger: true,
            onSelect: () => setDialog({ kind: 'delete', project }),
          },
        ];
  };

  const projectItem = (project: Project) => {
    const href = `/projects/${project.id}`;
    return (
      <li key={project.id} className="nav-project">
        <Link
          href={href}
          className="nav-link"
          aria-current={pathname === href ? 'page' : undefined}
          aria-label={countedName(project.name, project.open_count)}
        >
          <ProjectDot color={project.color} />
          <span className="nav-label">{project.name}</span>
          <Count value={project.open_count} />
        </Link>
        <ProjectMenu project={project} items={menuItems(project)} />
      </li>
    );
  };

  return (
    <nav className="sidebar-nav" aria-label="Views and projects" aria-busy={pending || undefined}>
      <ul className="nav-list">
        <NavLink
          href="/inbox"
          current={pathname === '/inbox'}
          icon={InboxIcon}
          label="Inbox"
          count={inbox?.open_count}
        />
        <NavLink href="/today" current={pathname === '/today'} icon={SunIcon} label="Today" />
        <NavLink
          href="/upcoming"
          current={pathname === '/upcoming'}
          icon={CalendarIcon}
          label="Upcoming"
        />
        <NavLink href="/" current={pathname === '/'} icon={ListIcon} label="All tasks" />
      </ul>

      <div className="nav-section">
        <div className="nav-section-head">
          <h2 className="nav-heading" id="nav-projects">
            Projects
          </h2>
          <button
            type="button"
            className="icon-button"
            aria-label="Add project"
            title="Add project"
            onClick={() => setDialog({ kind: 'create' })}
          >
            <PlusIcon />
          </button>
        </div>
        {projects.length > 0 ? (
          <ul className="nav-list" aria-labelledby="nav-projects">
            {projects.map(projectItem)}
          </ul>
        ) : (
          <p className="nav-empty">
            {unavailable ? 'Projects could not be loaded.' : 'No projects yet.'}
          </p>
        )}
        {archived.length > 0 ? (
          <>
            <button
              type="button"
              className="nav-toggle"
              aria-expanded={showArchived}
              aria-controls="nav-archived"
              onClick={() => setShowArchived((was) => !was)}
            >
              {showArchived ? 'Hide' : 'Show'} archived projects ({archived.length})
            </button>
            {showArchived ? (
              <ul
                id="nav-archived"
                className="nav-list nav-archived"
                aria-label="Archived projects"
              >
                {archived.map(projectItem)}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>

      {tags.length > 0 ? (
        <div className="nav-section">
          <h2 className="nav-heading" id="nav-tags">
            Tags
          </h2>
          <ul className="nav-list nav-tags" aria-labelledby="nav-tags">
            {tags.map(({ tag }) => (
              <li key={tag}>
                <Link href={`/?${new URLSearchParams({ tag })}`} className="nav-link">
                  <span className="nav-label">#{tag}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {dialog?.kind === 'create' ? <ProjectDialog onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? (
        <ProjectDialog project={dialog.project} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <DeleteProjectDialog
          project={dialog.project}
          others={active.filter((project) => project.id !== dialog.project.id)}
          viewing={pathname === `/projects/${dialog.project.id}`}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </nav>
  );
}
