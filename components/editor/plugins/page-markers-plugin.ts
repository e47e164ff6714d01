import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Node as PmNode } from "@tiptap/pm/model";

import { pageLabelsByBlock, type PageMarker } from "@/lib/documents/page-breaks";

export type { PageMarker };

export const pageMarkersKey = new PluginKey<DecorationSet>("pageMarkers");

/**
 * Marks the blocks where a page of the source begins with `data-page`, which the stylesheet shows
 * as "p. 12" in the margin. Node decorations add an attribute only: the text, and every offset into
 * it, stay as they are.
 */
export function createPageMarkersPlugin(markers: readonly PageMarker[]) {
  const byBlock = pageLabelsByBlock(markers);
  const build = (doc: PmNode) => {
    const decorations: Decoration[] = [];
    doc.forEach((node, offset, index) => {
      const label = byBlock.get(index);
      if (label) decorations.push(Decoration.node(offset, offset + node.nodeSize, { "data-page": label, class: "page-start" }));
    });
    return DecorationSet.create(doc, decorations);
  };
  return new Plugin<DecorationSet>({
    key: pageMarkersKey,
    state: {
      init: (_, state) => (byBlock.size > 0 ? build(state.doc) : DecorationSet.empty),
      apply: (tr, set) => (tr.docChanged ? set.map(tr.mapping, tr.doc) : set),
    },
    props: { decorations: (state) => pageMarkersKey.getState(state) },
  });
}
