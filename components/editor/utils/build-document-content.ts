import type { JSONContent } from "@tiptap/core";
import type { TextBlock } from "@/lib/documents/split-text-blocks";

/**
 * The reading view's ProseMirror content for a text: one block per blank-line-separated block
 * (a heading or a paragraph), each holding exactly the block's characters, so one character is
 * one ProseMirror position and offsets map by arithmetic (lib/anchoring/prosemirror-offsets.ts).
 */
export function buildDocumentContent(blocks: TextBlock[]): JSONContent {
  return {
    type: "doc",
    content: blocks.map((block) => ({
      type: block.role === "heading" ? "heading" : "paragraph",
      attrs: block.role === "heading" ? { level: 2 } : { footnote: block.role === "footnote" },
      content: block.text ? [{ type: "text", text: block.text }] : [],
    })),
  };
}
