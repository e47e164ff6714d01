"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError } from "@/components/auth/form-error";
import { setAssignmentKey } from "@/components/api/classroom-api";

export interface KeyCandidate {
  id: string;
  documentTitle: string;
  exact: string;
  author: string;
  technique: { name: string; colour: string } | null;
  inKey: boolean;
}

/** Ticks which of the teachers' annotations make the answer key. */
export function KeyPicker({ assignmentId, candidates }: { assignmentId: string; candidates: KeyCandidate[] }) {
  const router = useRouter();
  const [chosen, setChosen] = useState(() => new Set(candidates.filter((c) => c.inKey).map((c) => c.id)));
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const toggle = (id: string) =>
    setChosen((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (candidates.length === 0) {
    return <p className="muted">No annotations to build a key from yet. Open the assignment&apos;s documents and mark the spans yourself (as you would want students to); they appear here.</p>;
  }
  return (
    <div>
      <div className="form-row">
        <button type="button" className="button button--quiet" onClick={() => setChosen(new Set(candidates.map((c) => c.id)))}>
          Select all
        </button>
        <button type="button" className="button button--quiet" onClick={() => setChosen(new Set())}>
          Select none
        </button>
        <span className="muted">{chosen.size} in the key</span>
      </div>
      <ul className="key-list">
        {candidates.map((c) => (
          <li key={c.id}>
            <label className="checkbox">
              <input type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c.id)} aria-label={`In the key: ${c.exact}`} />
              <span>
                <q>{c.exact}</q>{" "}
                {c.technique ? (
                  <span className="badge" style={{ borderColor: c.technique.colour }}>
                    {c.technique.name}
                  </span>
                ) : null}{" "}
                <span className="muted">
                  {c.documentTitle} · {c.author}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {message && !message.ok ? <FormError message={message.text} /> : null}
      {message?.ok ? (
        <div className="alert alert--ok" role="status">
          {message.text}
        </div>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={pending}
          onClick={async () => {
            setPending(true);
            const result = await setAssignmentKey(assignmentId, { annotationIds: [...chosen] });
            setPending(false);
            setMessage(result.ok ? { ok: true, text: `Key saved: ${result.data.keySize} annotations.` } : { ok: false, text: result.message });
            if (result.ok) router.refresh();
          }}
        >
          {pending ? "Saving…" : "Save key"}
        </button>
      </div>
    </div>
  );
}
