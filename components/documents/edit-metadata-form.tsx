"use client";

import { ActionForm, type FormAction } from "@/components/forms/action-form";
import { DocumentMetadataFields, type MetadataValues } from "./document-metadata-fields";

export function EditMetadataForm({ action, values }: { action: FormAction; values: MetadataValues }) {
  return (
    <ActionForm action={action} submitLabel="Save metadata" pendingLabel="Saving…">
      {({ fieldErrors }) => <DocumentMetadataFields values={values} fieldErrors={fieldErrors} />}
    </ActionForm>
  );
}
