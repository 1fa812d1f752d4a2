import 'server-only';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { describeProject, projectData } from '@/lib/mcp/format';
import { projectColor, projectName } from '@/lib/mcp/input-schemas';
import type { ToolContext } from '@/lib/mcp/tool-context';
import { failureResult, refuseReadOnly, toolResult } from '@/lib/mcp/tool-result';

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true } as const;

export function registerProjectTools(server: McpServer, { backend, scope }: ToolContext) {
  server.registerTool(
    'list_projects',
    {
      title: 'List projects',
      description:
        'The person’s projects in sidebar order, the Inbox first, with ids and open task counts. ' +
        'Use the id as project_id in find_tasks, add_tasks and update_task.',
      inputSchema: {
        include_archived: z.boolean().default(false).describe('true: the archived ones too'),
      },
      annotations: READ_ONLY,
    },
    async ({ include_archived }) => {
      const [active, archived] = await Promise.all([
        backend.listProjects(),
        include_archived ? backend.listProjects({ archived: true }) : null,
      ]);
      if (!active.ok) return failureResult(active, 'The project list');
      if (archived && !archived.ok) return failureResult(archived, 'The project list');
      const projects = [...active.data.items, ...(archived?.data.items ?? [])];
      return toolResult(projects.map(describeProject).join('\n'), {
        projects: projects.map(projectData),
      });
    },
  );

  server.registerTool(
    'add_project',
    {
      title: 'Add a project',
      description:
        'Creates a project (at the end of the sidebar). Names are unique per person, ignoring ' +
        'case: check list_projects first.',
      inputSchema: { name: projectName, color: projectColor.optional() },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
    async (input) => {
      const refusal = refuseReadOnly(scope);
      if (refusal) return refusal;
      const result = await backend.createProject(input);
      if (!result.ok) return failureResult(result, `Project "${input.name}"`);
      return toolResult(`Created project ${describeProject(result.data)}`, {
        project: projectData(result.data),
      });
    },
  );

  server.registerTool(
    'list_tags',
    {
      title: 'List tags',
      description: 'Every tag the person uses, with how many tasks carry it, most used first.',
      annotations: READ_ONLY,
    },
    async () => {
      const result = await backend.listTags();
      if (!result.ok) return failureResult(result, 'The tag list');
      const { items } = result.data;
      const text = items.length
        ? items.map(({ tag, count }) => `@${tag} (${count})`).join('\n')
        : 'No tags yet.';
      return toolResult(text, { tags: items });
    },
  );
}
