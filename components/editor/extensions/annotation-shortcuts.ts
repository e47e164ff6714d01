import { Extension, type Editor } from "@tiptap/core";
import { createOpenHighlightPlugin } from "../plugins/open-highlight-plugin";
import type { Highlight } from "../utils/build-highlight-decoration";

type Kind = Highlight["kind"];

export interface AnnotationShortcutsOptions {
  /** One letter per kind (C, B, X, T): pressed, with or without Shift, it annotates the selection. */
  keys: Readonly<Record<Kind, string>>;
  /** Annotate the editor's selection with a kind; false when there is nothing to annotate (the key then does nothing more). */
  onAnnotate: (kind: Kind, editor: Editor) => boolean;
  /** Enter on a focused highlight: open its annotation. */
  onOpenHighlight: (id: string) => void;
}

/**
 * The reading view's keys, declared as tiptap's own `highlight` extension declares its shortcuts.
 * Ctrl/Alt/Meta combinations do not match, so copying (Ctrl+C) is left alone. Ranked above
 * ReadingMode, which takes Enter.
 */
export const AnnotationShortcuts = Extension.create<AnnotationShortcutsOptions>({
  name: "annotationShortcuts",
  priority: 1000,
  addOptions: () => ({ keys: { CLAIM: "c", BIAS_MARKER: "b", CONTRADICTION: "x", CUSTOM: "t" }, onAnnotate: () => false, onOpenHighlight: () => {} }),
  addKeyboardShortcuts() {
    const shortcuts: Record<string, () => boolean> = {};
    for (const [kind, key] of Object.entries(this.options.keys) as [Kind, string][]) {
      const annotate = () => this.options.onAnnotate(kind, this.editor);
      // Shift+C arrives as "C" (keymaps look it up without its Shift), as does C under Caps Lock.
      shortcuts[key.toLowerCase()] = annotate;
      shortcuts[key.toUpperCase()] = annotate;
    }
    return shortcuts;
  },
  addProseMirrorPlugins() {
    return [createOpenHighlightPlugin((id) => this.options.onOpenHighlight(id))];
  },
});
