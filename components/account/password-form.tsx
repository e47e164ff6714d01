"use client";

import { Field } from "@/components/auth/field";
import { ActionForm, type FormAction } from "@/components/forms/action-form";

export function PasswordForm({ action, minLength }: { action: FormAction; minLength: number }) {
  return (
    <ActionForm action={action} submitLabel="Change password" pendingLabel="Changing…" successMessage="Your password is changed. Your other sessions are signed out." resetOnSuccess>
      {({ fieldErrors }) => (
        <>
          <Field id="current-password" label="Current password" error={fieldErrors.currentPassword}>
            {(props) => <input {...props} name="currentPassword" type="password" autoComplete="current-password" required />}
          </Field>
          <Field id="new-password" label="New password" hint={`At least ${minLength} characters.`} error={fieldErrors.newPassword}>
            {(props) => <input {...props} name="newPassword" type="password" autoComplete="new-password" required minLength={minLength} />}
          </Field>
        </>
      )}
    </ActionForm>
  );
}
