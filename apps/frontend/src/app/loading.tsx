import { ListSkeleton } from '@/components/ui/list-skeleton';

/** Shown while a page's data loads: the shape of the list, not a blank screen. */
export default function Loading() {
  return (
    <main id="main" className="page page-app" aria-busy="true">
      <ListSkeleton />
    </main>
  );
}
