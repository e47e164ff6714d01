import type { Node as ProseMirrorNode } from "@tiptap/pm/model";

/** The plain text of an edited document: its blocks' text, separated by blank lines. */
export function documentTextFromEditor(doc: ProseMirrorNode): string {
  const blocks: string[] = [];
  doc.forEach((block) => {
    if (block.textContent.trim()) blocks.push(block.textContent);
  });
  return blocks.join("\n\n");
}
