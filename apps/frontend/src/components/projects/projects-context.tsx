'use client';

import type { Project } from '@todo/contract';
import { createContext, type ReactNode, useContext } from 'react';

export interface ProjectLists {
  /** Sidebar order, the Inbox first. */
  active: Project[];
  archived: Project[];
  /** True when the backend did not answer the list: say so rather than "no projects". */
  unavailable?: boolean;
}

const ProjectsContext = createContext<ProjectLists>({ active: [], archived: [] });

/** The user's projects as the layout loaded them, for the sidebar and the task chooser. */
export function useProjects(): ProjectLists {
  return useContext(ProjectsContext);
}

export function ProjectsProvider({
  value,
  children,
}: {
  value: ProjectLists;
  children: ReactNode;
}) {
  return <ProjectsContext.Provider value={value}>{children}</ProjectsContext.Provider>;
}
