import { handleMcpRequest } from '@/lib/mcp/handle-request';

// The MCP endpoint for assistants (README "Connect an assistant"): every method goes through
// the same checks, so even a GET without a token gets the 401 that points to sign-in.
export const GET = handleMcpRequest;
export const POST = handleMcpRequest;
export const DELETE = handleMcpRequest;
