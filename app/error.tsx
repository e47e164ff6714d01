"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="page page--narrow">
      <h1>Something went wrong</h1>
      <p>The page could not be shown. Nothing you saved is lost.</p>
      {error.digest ? (
        <p className="muted">
          If it happens again, quote request id <code>{error.digest}</code>.
        </p>
      ) : null}
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
