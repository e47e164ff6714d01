import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getSessionUser } from "@/lib/auth/session-user";
import { PASSWORD_MIN_LENGTH } from "@/lib/validations/auth";
import { signUpAction } from "./actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getSessionUser()) redirect("/library");
  return (
    <div className="page page--narrow">
      <section className="auth-card" aria-labelledby="signup-title">
        <h1 id="signup-title">Create an account</h1>
        <p className="lede">
          You get a workspace of your own, with a sample corpus to start from: five accounts of the 14th Party Congress of
          December 1925 that disagree with each other.
        </p>
        <SignUpForm action={signUpAction} passwordMinLength={PASSWORD_MIN_LENGTH} />
        <p className="muted" style={{ marginTop: 18, marginBottom: 0 }}>
          Have an account? <Link href="/signin">Sign in</Link>
        </p>
      </section>
    </div>
  );
}
