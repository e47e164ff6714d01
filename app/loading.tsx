export default function Loading() {
  return (
    <div className="page" aria-busy="true" aria-live="polite">
      <p className="muted">Loading…</p>
    </div>
  );
}
