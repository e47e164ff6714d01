"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { FormError } from "@/components/auth/form-error";
import { joinByInviteCode } from "@/components/api/classroom-api";

/** Joins a class by its code, then goes to the class's assignments. */
export function JoinForm({ initialCode = "" }: { initialCode?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = new FormData(event.currentTarget).get("code");
    setPending(true);
    setError(null);
    const result = await joinByInviteCode({ code: String(code ?? "") });
    setPending(false);
    if (!result.ok) return setError(result.message);
    router.push(`/w/${result.data.workspace.id}/assignments`);
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      {error ? <FormError message={error} /> : null}
      <div className="field">
        <label htmlFor="join-code">Class code</label>
        <input id="join-code" name="code" defaultValue={initialCode} autoComplete="off" autoCapitalize="characters" maxLength={32} required />
        <span className="hint">Eight letters and digits, from your teacher.</span>
      </div>
      <div className="form-actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? "Joining…" : "Join the class"}
        </button>
      </div>
    </form>
  );
}
