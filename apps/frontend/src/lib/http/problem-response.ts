/** A route handler's error answer, in the problem shape the rest of the app uses; never cached. */
export const problemResponse = (status: number, detail: string) =>
  Response.json(
    { title: detail, status, detail },
    { status, headers: { 'cache-control': 'no-store' } },
  );
