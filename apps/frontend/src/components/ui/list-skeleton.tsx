/** The shape of the add form and the list while they load, hidden from screen readers. */
export function ListSkeleton() {
  return (
    <>
      <p className="visually-hidden" role="status">
        Loading your tasks…
      </p>
      <div className="skeleton-grid" aria-hidden="true">
        <div className="skeleton skeleton-form" />
        <div className="skeleton-list">
          <div className="skeleton skeleton-bar" />
          {[0, 1, 2, 3, 4].map((row) => (
            <div key={row} className="skeleton skeleton-row" />
          ))}
        </div>
      </div>
    </>
  );
}
