import { authorizationServerDocument } from '@/lib/auth/oauth-metadata';

export async function GET(request: Request, { params }: { params: Promise<{ path?: string[] }> }) {
  return authorizationServerDocument(request, (await params).path);
}
