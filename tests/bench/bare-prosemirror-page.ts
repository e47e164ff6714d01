// The bench's bare ProseMirror page (bundled for the browser by measure-reader.ts): the same text
// and the same highlight decorations as the document page, in a plain EditorView with nothing
// else: no React, no Tiptap, no windowing. What building the whole text as editor DOM costs.
import { Schema } from "prosemirror-model";
import { EditorState } from "prosemirror-state";
import { Decoration, DecorationSet, EditorView } from "prosemirror-view";

/** The page's data, inlined as JSON: the blocks' text and the highlights as [from, to, class, id]. */
export interface BarePageData {
  blocks: string[];
  highlights: [number, number, string, string][];
}

const schema = new Schema({
  nodes: {
    doc: { content: "block+" },
    paragraph: { group: "block", content: "text*", toDOM: () => ["p", 0] },
    text: {},
  },
});

const data = JSON.parse(document.getElementById("bare-data")?.textContent ?? "{}") as BarePageData;
const doc = schema.node(
  "doc",
  null,
  data.blocks.map((text) => schema.node("paragraph", null, text ? [schema.text(text)] : [])),
);
const decorations = DecorationSet.create(
  doc,
  data.highlights.map(([from, to, className, id]) => Decoration.inline(from, to, { nodeName: "span", class: className, "data-annotation-id": id, tabindex: "0" })),
);
const mount = document.getElementById("editor");
if (mount) {
  new EditorView(mount, {
    state: EditorState.create({ doc }),
    decorations: () => decorations,
    attributes: { class: "reading" },
  });
}
