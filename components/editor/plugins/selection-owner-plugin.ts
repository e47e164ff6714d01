import { Plugin, PluginKey } from "@tiptap/pm/state";

/**
 * React saves the selection before every commit and restores it after whenever the focused element
 * is a text input or has `contentEditable === "true"` (react-dom's hasSelectionCapabilities). For a
 * contenteditable element it turns the selection into text offsets by walking the element's whole
 * DOM (getModernOffsetsFromPoints; react#1350 asked for a way out, none was added). On a 1 MB text
 * that is ~60 ms for every React update while the editor has focus: the selection toolbar, a card
 * opening, an annotation saved.
 *
 * ProseMirror owns this DOM and its selection, and React renders nothing inside it, so that work buys
 * nothing here. The editor's root therefore answers the `contentEditable` property with "inherit"
 * (or "false" when it is not editable). The attribute, which is what makes the browser let the
 * reader move a caret and select with the keyboard, stays exactly as ProseMirror sets it, and
 * `isContentEditable` still tells the truth.
 */
export function hideEditableFromReact(element: HTMLElement): () => void {
  Object.defineProperty(element, "contentEditable", {
    configurable: true,
    get: () => (element.getAttribute("contenteditable") === "false" ? "false" : "inherit"),
    // As the browser's own setter: "inherit" removes the attribute, anything else is written.
    set: (value: unknown) => (String(value) === "inherit" ? element.removeAttribute("contenteditable") : element.setAttribute("contenteditable", String(value))),
  });
  // Deleting the element's own property brings the prototype's back.
  return () => {
    delete (element as { contentEditable?: string }).contentEditable;
  };
}

export const selectionOwnerKey = new PluginKey("selectionOwner");

/** Applies hideEditableFromReact to the root of every editor view the plugin is part of. */
export function createSelectionOwnerPlugin() {
  return new Plugin({
    key: selectionOwnerKey,
    view: (view) => ({ destroy: hideEditableFromReact(view.dom) }),
  });
}
