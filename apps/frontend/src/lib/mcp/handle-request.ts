import 'server-only';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { getServerEnv } from '@/lib/env/server';
import { problemResponse } from '@/lib/http/problem-response';
import { checkMcpOrigin } from '@/lib/mcp/request-guard';
import { createMcpServer } from '@/lib/mcp/server';
import { toolContext } from '@/lib/mcp/tool-context';
import { authorizeRequest } from '@/lib/tokens/authorize-request';

/** A JSON-RPC message of /mcp: 50 tasks of 500-character lines and notes fit many times over. */
export const MCP_BODY_MAX_BYTES = 256 * 1024;

/** The RFC 9728 metadata of /mcp, which an OAuth client reads to find where to sign in. */
export const resourceMetadataPath = '/.well-known/oauth-protected-resource/mcp';

/**
 * /mcp, Streamable HTTP without sessions: each POST carries its JSON-RPC message and gets its
 * answer as JSON; no server-initiated stream (GET) and no session to end (DELETE).
 * Order: the Host/Origin check, then the bearer, then the body (capped while it is read).
 */
export async function handleMcpRequest(request: Request): Promise<Response> {
  const check = checkMcpOrigin(request.headers, getServerEnv().authUrl);
  if (!check.ok) return problemResponse(403, 'Forbidden', check.message);
  const authorized = await authorizeRequest(request, {
    resourceMetadataUrl: `${check.origin}${resourceMetadataPath}`,
  });
  if (authorized instanceof Response) return authorized;
  if (request.method !== 'POST') {
    const detail = 'This server is stateless: send each message with POST.';
    return problemResponse(405, 'Method not allowed', detail, { allow: 'POST' });
  }
  const server = createMcpServer(toolContext(authorized));
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    maxRequestBodySize: MCP_BODY_MAX_BYTES,
  });
  try {
    await server.connect(transport);
    // In JSON mode the answer is complete when this resolves: nothing outlives the request.
    return await transport.handleRequest(request);
  } finally {
    await server.close();
  }
}
