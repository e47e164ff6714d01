import { Extension } from "@tiptap/core";
import { createPageMarkersPlugin, type PageMarker } from "../plugins/page-markers-plugin";

/** The source's page numbers in the margin (see page-markers-plugin.ts). */
export const PageMarkers = Extension.create<{ markers: readonly PageMarker[] }>({
  name: "pageMarkers",
  addOptions: () => ({ markers: [] }),
  addProseMirrorPlugins() {
    return [createPageMarkersPlugin(this.options.markers)];
  },
});
