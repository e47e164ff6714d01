import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSessionUser } from "@/lib/auth/session-user";
import { safeReturnPath } from "@/lib/http/safe-return-path";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const returnTo = safeReturnPath((await searchParams).callbackUrl);
  if (await getSessionUser()) redirect(returnTo);
  return (
    <div className="page page--narrow">
      <section className="auth-card" aria-labelledby="signin-title">
        <h1 id="signin-title">Sign in</h1>
        <p className="lede">Read sources side by side, mark their claims and slant, and trace where they disagree.</p>
        <SignInForm returnTo={returnTo} />
        <p className="muted" style={{ marginTop: 18, marginBottom: 0 }}>
          New here? <Link href="/signup">Create an account</Link>
        </p>
      </section>
    </div>
  );
}
