import { protectedResourceDocument } from '@/lib/auth/oauth-metadata';

export async function GET(request: Request, { params }: { params: Promise<{ path?: string[] }> }) {
  return protectedResourceDocument(request, (await params).path);
}
