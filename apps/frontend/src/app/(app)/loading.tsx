import { ListSkeleton } from '@/components/ui/list-skeleton';

/** Shown inside the frame while a view's list loads: the shape of the list, not a blank. */
export default function ViewLoading() {
  return (
    <div aria-busy="true">
      <ListSkeleton />
    </div>
  );
}
