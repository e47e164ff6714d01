import Link from "next/link";

export type StatusMessage = { tone: "ok" | "error"; text: string; href?: string; hrefLabel?: string };

/** The workbench's one line of news (saved, deleted, an error), announced politely to screen readers. */
export function StatusLine({ status }: { status: StatusMessage | null }) {
  return (
    <div className={`status-line${status ? "" : " is-empty"}`} role="status" aria-live="polite">
      {status ? <span className={status.tone === "error" ? "status-line__error" : undefined}>{status.text}</span> : null}
      {status?.href ? (
        <>
          {" "}
          <Link href={status.href}>{status.hrefLabel}</Link>
        </>
      ) : null}
    </div>
  );
}
