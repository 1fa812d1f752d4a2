import 'server-only';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { registerProjectTools } from '@/lib/mcp/project-tools';
import { registerTaskReadTools } from '@/lib/mcp/task-read-tools';
import { registerTaskWriteTools } from '@/lib/mcp/task-write-tools';
import type { ToolContext } from '@/lib/mcp/tool-context';

const INSTRUCTIONS = [
  'Todo is the person’s own task list: tasks with an optional due date and time (in a time zone),',
  'priority (low, medium, high), tags, a project (every person has an Inbox), subtasks, repeat',
  'rules and reminders. Ids are numbers, shown as #12 in answers.',
  'Start with overview for today and overdue, find_tasks to look things up, add_tasks to write',
  'tasks down (a quick-add line such as "Call mum tomorrow 6pm p1 #Family" works), and',
  'complete_task when something is done. Ask before delete_task: there is no undo.',
  'A read-only connection answers every change with an error saying so.',
].join(' ');

/**
 * The MCP server for one request: a new one each time, bound to the caller's credential, so any
 * replica can answer any request and nothing is kept between them.
 */
export function createMcpServer(context: ToolContext): McpServer {
  const server = new McpServer(
    { name: 'todo', title: 'Todo', version: '1.0.0' },
    { instructions: INSTRUCTIONS },
  );
  registerTaskReadTools(server, context);
  registerTaskWriteTools(server, context);
  registerProjectTools(server, context);
  return server;
}
