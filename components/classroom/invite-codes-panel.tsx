"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/form-error";
import { createInviteCode } from "@/components/api/classroom-api";
import { ApiButton } from "./api-button";

export interface InviteCodeRow {
  id: string;
  code: string;
  expiresAt: string;
  revokedAt: string | null;
  uses: number;
  state: "active" | "expired" | "revoked";
}

/** The class's invite codes: make one (valid for some days), see its link, revoke it. */
export function InviteCodesPanel({ workspaceId, codes, origin }: { workspaceId: string; codes: InviteCodeRow[]; origin: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const days = new FormData(event.currentTarget).get("days");
    setPending(true);
    setError(null);
    const result = await createInviteCode(workspaceId, { days });
    setPending(false);
    if (!result.ok) return setError(result.message);
    router.refresh();
  }

  return (
    <section className="card invite-codes" aria-labelledby="invite-codes-heading">
      <h2 id="invite-codes-heading">Invite students</h2>
      <p className="muted">Students sign up, then open the link or type the code at /join. A code only ever makes someone a student.</p>
      <form className="invite-form" onSubmit={create}>
        <label htmlFor="invite-days">Valid for</label>
        <input id="invite-days" name="days" type="number" min={1} max={90} defaultValue={14} style={{ width: 70 }} /> days
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Making…" : "New class code"}
        </button>
      </form>
      {error ? <FormError message={error} /> : null}
      {codes.length === 0 ? (
        <p className="muted">No codes yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Code and link</th>
              <th>Expires</th>
              <th>Joined</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {codes.map((c) => {
              const { state } = c;
              return (
                <tr key={c.id} data-state={state}>
                  <td>
                    <code className="invite-code">{c.code}</code>
                    <div className="invite-link">{state === "active" ? <code>{`${origin}/join/${c.code}`}</code> : <span className="muted">{state}</span>}</div>
                  </td>
                  <td>{new Date(c.expiresAt).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" })}</td>
                  <td>{c.uses}</td>
                  <td>{state === "active" ? <ApiButton call={{ action: "revoke-invite-code", inviteCodeId: c.id }} label="Revoke" pendingLabel="Revoking…" className="button button--quiet" confirmText={`Revoke ${c.code}? Nobody can join with it afterwards.`} /> : null}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
