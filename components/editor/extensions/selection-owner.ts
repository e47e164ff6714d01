import { Extension } from "@tiptap/core";
import { createSelectionOwnerPlugin } from "../plugins/selection-owner-plugin";

/** ProseMirror, not React, keeps the editor's selection (see selection-owner-plugin.ts). */
export const SelectionOwner = Extension.create({
  name: "selectionOwner",
  addProseMirrorPlugins: () => [createSelectionOwnerPlugin()],
});
