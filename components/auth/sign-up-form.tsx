"use client";

import { useHydrated } from "@/components/forms/use-hydrated";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ActionResult } from "@/lib/http/action-result";
import { Field } from "./field";
import { FormError } from "./form-error";

type SignUp = (input: { name: string; email: string; password: string }) => Promise<ActionResult<{ workspaceId: string }>>;

export function SignUpForm({ action, passwordMinLength }: { action: SignUp; passwordMinLength: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
    setPending(true);
    setError(null);
    setFieldErrors({});
    const result = await action(input);
    if (!result.ok) {
      setPending(false);
      setError(result.message);
      setFieldErrors(result.fieldErrors);
      return;
    }
    const signedIn = await signIn("credentials", { redirect: false, email: input.email, password: input.password });
    if (!signedIn?.ok || signedIn.error) {
      router.replace("/signin");
      return;
    }
    router.replace(`/w/${result.data.workspaceId}`);
    router.refresh();
  }

  return (
    <form method="post" className="form" onSubmit={onSubmit} noValidate>
      <FormError message={error} />
      <Field id="name" label="Name" hint="Shown beside your annotations." error={fieldErrors.name}>
        {(props) => <input {...props} name="name" type="text" autoComplete="name" required autoFocus maxLength={100} />}
      </Field>
      <Field id="email" label="Email" error={fieldErrors.email}>
        {(props) => <input {...props} name="email" type="email" autoComplete="email" required />}
      </Field>
      <Field id="password" label="Password" hint={`At least ${passwordMinLength} characters.`} error={fieldErrors.password}>
        {(props) => <input {...props} name="password" type="password" autoComplete="new-password" required minLength={passwordMinLength} />}
      </Field>
      <div className="form-actions">
        <button className="button" type="submit" disabled={pending || !hydrated}>
          {pending ? "Creating your workspace…" : "Create account"}
        </button>
      </div>
    </form>
  );
}
