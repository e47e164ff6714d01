"use client";

import { Field } from "@/components/auth/field";
import { ActionForm, type FormAction } from "@/components/forms/action-form";

export function AddMemberForm({ action }: { action: FormAction }) {
  return (
    <ActionForm action={action} submitLabel="Add member" pendingLabel="Adding…" successMessage="Added." resetOnSuccess>
      {({ fieldErrors }) => (
        <div className="form-grid">
          <Field id="member-email" label="Their account's email" error={fieldErrors.email} hint="They need an account first.">
            {(props) => <input {...props} name="email" type="email" required />}
          </Field>
          <Field id="member-role" label="Role" error={fieldErrors.role}>
            {(props) => (
              <select {...props} name="role" defaultValue="EDITOR">
                <option value="VIEWER">Viewer: reads and replies</option>
                <option value="EDITOR">Editor: adds and annotates</option>
                <option value="OWNER">Owner: also manages members</option>
              </select>
            )}
          </Field>
        </div>
      )}
    </ActionForm>
  );
}
