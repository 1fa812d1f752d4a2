'use client';

import type { Project } from '@todo/contract';
import { MenuButton, type MenuItem } from '@/components/ui/menu-button';

/** A project's actions behind a "⋯" button in the sidebar. */
export function ProjectMenu({ project, items }: { project: Project; items: MenuItem[] }) {
  return (
    <MenuButton
      label={`Options for ${project.name}`}
      items={items}
      className="icon-button nav-more"
    />
  );
}
