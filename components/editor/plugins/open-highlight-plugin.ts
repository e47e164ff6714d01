import { Plugin, PluginKey } from "@tiptap/pm/state";

export const openHighlightKey = new PluginKey("openHighlight");

/**
 * Enter on a highlight that has the keyboard focus (highlights are focusable) opens its annotation.
 * A key handler, not a keymap entry: which highlight is meant comes from the event's target.
 */
export function createOpenHighlightPlugin(onOpen: (id: string) => void) {
  return new Plugin({
    key: openHighlightKey,
    props: {
      handleKeyDown: (_view, event) => {
        if (event.key !== "Enter" || !(event.target instanceof Element)) return false;
        const highlight = event.target.closest("[data-annotation-id]");
        if (!highlight) return false;
        onOpen(highlight.getAttribute("data-annotation-id") ?? "");
        return true;
      },
    },
  });
}
