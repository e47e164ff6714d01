"use client";

import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { Field } from "@/components/auth/field";

export function CreateWorkspaceForm({ action }: { action: FormAction }) {
  return (
    <ActionForm action={action} submitLabel="Create workspace" pendingLabel="Creating…">
      {({ fieldErrors }) => (
        <>
          <Field id="workspace-name" label="Name" error={fieldErrors.name} hint="For a project, a seminar or a class.">
            {(props) => <input {...props} name="name" type="text" required maxLength={120} />}
          </Field>
          <Field id="workspace-description" label="Description (optional)" error={fieldErrors.description}>
            {(props) => <textarea {...props} name="description" maxLength={2000} rows={2} />}
          </Field>
        </>
      )}
    </ActionForm>
  );
}
