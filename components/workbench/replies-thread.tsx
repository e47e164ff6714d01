"use client";

import { useEffect, useId, useState, type FormEvent } from "react";
import { addReply, deleteReply, listReplies, type ReplyView as Reply } from "@/components/api/annotations-api";
import { byline } from "@/components/labels/byline";


/**
 * Kept across remounts: the annotation panel is virtualised, so a card scrolled out of view is
 * unmounted. Its half-written reply and the thread last seen come back with it.
 */
const drafts = new Map<string, string>();
const seenThreads = new Map<string, Reply[]>();

/** The discussion on one annotation: loaded when its card opens; any member may reply. */
export function RepliesThread({ annotationId, currentUserId, isOwner, onCountChange }: { annotationId: string; currentUserId: string; isOwner: boolean; onCountChange: (count: number) => void }) {
  const [replies, setRepliesState] = useState<Reply[] | null>(() => seenThreads.get(annotationId) ?? null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraftState] = useState(() => drafts.get(annotationId) ?? "");
  const setDraft = (value: string) => {
    setDraftState(value);
    if (value) drafts.set(annotationId, value);
    else drafts.delete(annotationId);
  };
  const setReplies = (update: (list: Reply[] | null) => Reply[]) =>
    setRepliesState((list) => {
      const next = update(list);
      seenThreads.set(annotationId, next);
      return next;
    });
  const [pending, setPending] = useState(false);
  const inputId = useId();

  useEffect(() => {
    let cancelled = false;
    void listReplies(annotationId).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        seenThreads.set(annotationId, result.data.replies);
        setRepliesState(result.data.replies);
      }
      else setError(result.message);
    });
    return () => {
      cancelled = true;
    };
  }, [annotationId]);

  async function send(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    const result = await addReply(annotationId, { body: draft });
    setPending(false);
    if (!result.ok) return setError(result.message);
    setReplies((list) => [...(list ?? []), result.data.reply]);
    onCountChange((replies?.length ?? 0) + 1);
    setDraft("");
    setError(null);
  }

  async function remove(id: string) {
    const result = await deleteReply(id);
    if (!result.ok) return setError(result.message);
    setReplies((list) => (list ?? []).filter((r) => r.id !== id));
    onCountChange(Math.max(0, (replies?.length ?? 1) - 1));
  }

  return (
    <section className="replies" aria-label="Discussion">
      {replies === null && !error ? <p className="muted">Loading the discussion…</p> : null}
      {replies?.length === 0 ? <p className="muted">No replies yet.</p> : null}
      {replies && replies.length > 0 ? (
        <ol className="replies__list">
          {replies.map((reply) => (
            <li key={reply.id}>
              <div className="replies__meta">
                <strong>{byline(reply)}</strong> · {new Date(reply.createdAt).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}
                {reply.author.id === currentUserId || isOwner ? (
                  <button type="button" className="button--link replies__delete" onClick={() => void remove(reply.id)} aria-label={`Delete reply by ${reply.author.name}`}>
                    Delete
                  </button>
                ) : null}
              </div>
              <p>{reply.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {error ? (
        <div className="alert alert--error" role="alert">
          {error}
        </div>
      ) : null}
      <form onSubmit={send} className="replies__form">
        <label htmlFor={inputId} className="visually-hidden">
          Reply
        </label>
        <textarea id={inputId} rows={2} value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Reply…" maxLength={10000} />
        <button type="submit" className="button button--quiet" disabled={pending || !draft.trim()}>
          {pending ? "Sending…" : "Reply"}
        </button>
      </form>
    </section>
  );
}
