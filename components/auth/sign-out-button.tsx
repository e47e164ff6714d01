"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  const router = useRouter();
  return (
    <>
      <button
        type="button"
        className="button button--quiet"
        disabled={pending}
        onClick={() => {
          setPending(true);
          setFailed(false);
          // next-auth's client is loaded on the click: the header is on every page, and every page
          // would otherwise load and parse it for this one button. No server-side redirect: next-auth
          // would build it from NEXTAUTH_URL, which a local install on another port does not set.
          void import("next-auth/react")
            .then(({ signOut }) => signOut({ redirect: false }))
            .then(
              () => {
                router.replace("/signin");
                router.refresh();
              },
              () => {
                // Offline, or the server did not answer: still signed in, and the reader must know.
                setPending(false);
                setFailed(true);
              },
            );
        }}
      >
        {pending ? "Signing out…" : "Sign out"}
      </button>
      {failed ? (
        <span className="site-user__error" role="alert">
          Not signed out: the server could not be reached. Try again.
        </span>
      ) : null}
    </>
  );
}
