"use client";

import { useHydrated } from "@/components/forms/use-hydrated";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Field } from "./field";
import { FormError } from "./form-error";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    if (result?.ok && !result.error) {
      router.replace(returnTo);
      router.refresh();
      return;
    }
    setPending(false);
    setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "That email and password do not match an account.");
  }

  return (
    <form method="post" className="form" onSubmit={onSubmit} noValidate aria-describedby={error ? "signin-error" : undefined}>
      <div id="signin-error">
        <FormError message={error} />
      </div>
      <Field id="email" label="Email">
        {(props) => <input {...props} name="email" type="email" autoComplete="email" required autoFocus />}
      </Field>
      <Field id="password" label="Password">
        {(props) => <input {...props} name="password" type="password" autoComplete="current-password" required />}
      </Field>
      <div className="form-actions">
        <button className="button" type="submit" disabled={pending || !hydrated}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </div>
    </form>
  );
}
