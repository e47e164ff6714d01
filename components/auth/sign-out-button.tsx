"use client";

import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const router = useRouter();
  return (
    <button
      type="button"
      className="button button--quiet"
      disabled={pending}
      onClick={() => {
        setPending(true);
        // No server-side redirect: next-auth would build it from NEXTAUTH_URL, which a local
        // install on another port does not set.
        void signOut({ redirect: false }).then(() => {
          router.replace("/signin");
          router.refresh();
        });
      }}
    >
      {pending ? "Signing out…" : "Sign out"}
    </button>
  );
}
