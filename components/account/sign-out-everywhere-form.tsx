"use client";

import { ActionForm, type FormAction } from "@/components/forms/action-form";

/** Ends every session of the account: on this browser and any other where it is signed in. */
export function SignOutEverywhereForm({ action }: { action: FormAction }) {
  return (
    <ActionForm action={action} submitLabel="Sign out everywhere" pendingLabel="Signing out…" submitClassName="button button--quiet">
      {() => (
        <p className="muted" style={{ margin: 0 }}>
          Signs this account out on every browser and device, this one included. Use it if you signed in on a shared computer or think
          someone else has your session.
        </p>
      )}
    </ActionForm>
  );
}
