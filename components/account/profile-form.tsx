"use client";

import { Field } from "@/components/auth/field";
import { ActionForm, type FormAction } from "@/components/forms/action-form";

export function ProfileForm({ action, name }: { action: FormAction; name: string }) {
  return (
    <ActionForm action={action} submitLabel="Save name" pendingLabel="Saving…" successMessage="Your name is saved.">
      {({ fieldErrors }) => (
        <Field id="profile-name" label="Name" error={fieldErrors.name} hint="Shown beside your annotations.">
          {(props) => <input {...props} name="name" type="text" defaultValue={name} required maxLength={100} />}
        </Field>
      )}
    </ActionForm>
  );
}
