/** Shown while a page's data loads: the shape of the list, not a blank screen. */
export default function Loading() {
  return (
    <main id="main" className="page page-app" aria-busy="true">
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
    </main>
  );
}
