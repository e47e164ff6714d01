/** The document's toolbar above the text: a hint and "Edit text" while reading, Save/Cancel while editing a section. */
export function WorkbenchToolbar({
  editing,
  saving,
  canEditText,
  ready,
  onStartEditing,
  onSave,
  onCancel,
}: {
  editing: boolean;
  saving: boolean;
  canEditText: boolean;
  /** Whether the editor has mounted (editing starts from its view). */
  ready: boolean;
  onStartEditing: () => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="workbench__toolbar" role="toolbar" aria-label="Document">
      {editing ? (
        <>
          <span className="muted">Editing text</span>
          <button type="button" className="button" onClick={onSave} disabled={saving}>
            {saving ? "Saving…" : "Save revision"}
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel} disabled={saving}>
            Cancel
          </button>
        </>
      ) : (
        <>
          <span className="muted">Select words to annotate them.</span>
          {canEditText ? (
            <button type="button" className="button button--quiet" onClick={onStartEditing} disabled={!ready}>
              Edit text
            </button>
          ) : null}
        </>
      )}
    </div>
  );
}
