import type { Editor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { documentTextFromEditor } from "@/components/editor/utils/document-text-from-editor";
import { replaceSection, sectionAt, type TextSection } from "@/lib/documents/text-sections";
import { reviseDocumentText } from "@/components/api/documents-api";
import type { StatusMessage } from "../status-line";

type RevisionCounts = { exact: number; moved: number; fuzzy: number; orphaned: number };

/** What the reader hears after a revision is saved: how the annotations fared. */
export function revisionSavedMessage(revisionNumber: number, counts: RevisionCounts): StatusMessage {
  const moved = counts.moved + counts.fuzzy;
  return {
    tone: counts.orphaned ? "error" : "ok",
    text: `Saved as revision ${revisionNumber}. ${counts.exact} annotation${counts.exact === 1 ? "" : "s"} unchanged${moved ? `, ${moved} followed the text` : ""}${counts.orphaned ? `, ${counts.orphaned} orphaned (listed below the annotations)` : ""}.`,
  };
}

/**
 * Editing the transcription a section at a time (see SectionEditing): which section, where its caret
 * starts, whether it has unsaved changes, and saving it as a new revision (the page then refreshes
 * and remounts the workbench for that revision, carrying the message across).
 */
export function useSectionEditing({
  documentId,
  revisionId,
  text,
  sections,
  setStatus,
  carryStatus,
  onStopped,
}: {
  documentId: string;
  revisionId: string;
  text: string;
  sections: readonly TextSection[];
  setStatus: (status: StatusMessage | null) => void;
  carryStatus: (status: StatusMessage) => void;
  /** Editing was cancelled: give the reading view the focus back. */
  onStopped: () => void;
}) {
  const router = useRouter();
  const [editSection, setEditSection] = useState<{ section: TextSection; caretAt: number } | null>(null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const sectionEditor = useRef<Editor | null>(null);
  const keepSectionEditor = useCallback((e: Editor | null) => {
    sectionEditor.current = e;
  }, []);
  const markDirty = useCallback(() => setDirty(true), []);

  /** Starts editing the section holding a text offset. */
  function start(caretAt: number) {
    const section = sectionAt(sections, caretAt);
    if (!section) return;
    setDirty(false);
    setEditSection({ section, caretAt });
    setStatus({
      tone: "ok",
      text: `Editing the transcription${sections.length > 1 ? ", one section at a time (click another section to move there)" : ""}. Annotations follow your edits; saving creates a new revision.`,
    });
  }

  function moveTo(section: TextSection, caretAt: number) {
    if (dirty) return setStatus({ tone: "error", text: `Save or cancel your changes to section ${(editSection?.section.index ?? 0) + 1} before editing another.` });
    setEditSection({ section, caretAt });
  }

  function cancel() {
    setEditSection(null);
    setDirty(false);
    setStatus(null);
    onStopped();
  }

  async function save() {
    const edited = sectionEditor.current;
    if (!editSection || !edited) return;
    if (!dirty) return setStatus({ tone: "ok", text: "Nothing has changed in this section yet." });
    setSaving(true);
    const revised = replaceSection(text, editSection.section, documentTextFromEditor(edited.state.doc));
    const result = await reviseDocumentText(documentId, { baseRevisionId: revisionId, text: revised });
    // On success the buttons stay disabled until the refreshed page mounts the new revision.
    if (!result.ok) {
      setSaving(false);
      return setStatus({ tone: "error", text: result.message });
    }
    carryStatus(revisionSavedMessage(result.data.revisionNumber, result.data.counts));
    router.refresh();
  }

  return { editSection, dirty, saving, keepSectionEditor, markDirty, start, moveTo, cancel, save };
}
