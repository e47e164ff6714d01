"use client";

import type { Editor } from "@tiptap/core";
import { EditorContent, useEditor } from "@tiptap/react";
import { memo, useEffect, useMemo, useState, type MouseEvent } from "react";
import { createOffsetMap } from "@/lib/anchoring/prosemirror-offsets";
import { BlockElement } from "@/components/documents/document-text";
import type { TextBlock } from "@/lib/documents/split-text-blocks";
import type { TextSection } from "@/lib/documents/text-sections";
import { readingModeKey } from "@/components/editor/plugins/reading-mode-plugin";
import { createReadingExtensions } from "@/components/editor/reading-extensions";
import { buildDocumentContent } from "@/components/editor/utils/build-document-content";
import type { Highlight } from "@/components/editor/utils/build-highlight-decoration";

/** An annotation's span in the text, to be drawn in the section being edited. */
export interface SectionSpan {
  id: string;
  start: number;
  end: number;
  kind: Highlight["kind"];
  label: string;
  /** The annotation's words (its highlight is named by them). */
  text: string;
}

/**
 * Editing the transcription one section at a time (lib/documents/text-sections.ts): the section
 * being edited is a Tiptap editor of its own, with its annotations drawn as decorations that follow
 * the edits; the other sections are plain text, and clicking one moves the editor there (when
 * nothing is left unsaved). A contenteditable holding a whole long source stalls the browser on
 * keystrokes; one holding a section keeps typing at frame rate.
 */
export function SectionEditing({
  blocks,
  sections,
  active,
  caretAt,
  spans,
  dirty,
  onActivate,
  onEditor,
  onChange,
}: {
  blocks: TextBlock[];
  sections: TextSection[];
  active: TextSection;
  /** Where to put the caret when the section's editor opens (a text offset). */
  caretAt: number;
  spans: SectionSpan[];
  dirty: boolean;
  /** Asks to edit another section, with the caret at a text offset. */
  onActivate: (section: TextSection, caretAt: number) => void;
  onEditor: (editor: Editor | null) => void;
  onChange: () => void;
}) {
  const previous = sections[active.index - 1];
  const next = sections[active.index + 1];
  return (
    <div className="reading reading--sections" lang="en">
      {sections.map((section) =>
        section.index === active.index ? (
          <div key={`active-${section.index}`} className="text-section text-section--active" role="group" aria-label={`Section ${section.index + 1} of ${sections.length}, being edited`}>
            <div className="text-section__bar">
              <span>
                Editing section {section.index + 1} of {sections.length}
                {dirty ? " · changed" : ""}
              </span>
              {sections.length > 1 ? (
                <span className="text-section__nav">
                  <button type="button" className="button button--quiet button--small" disabled={!previous || dirty} onClick={() => previous && onActivate(previous, previous.start)} title={dirty ? "Save or cancel this section's changes first" : undefined}>
                    ‹ Previous section
                  </button>
                  <button type="button" className="button button--quiet button--small" disabled={!next || dirty} onClick={() => next && onActivate(next, next.start)} title={dirty ? "Save or cancel this section's changes first" : undefined}>
                    Next section ›
                  </button>
                </span>
              ) : null}
            </div>
            <ActiveSectionEditor key={`${section.start}-${section.end}`} blocks={blocks} section={section} caretAt={caretAt} spans={spans} onEditor={onEditor} onChange={onChange} />
          </div>
        ) : (
          <StaticSection key={section.index} blocks={blocks} section={section} locked={dirty} onActivate={onActivate} />
        ),
      )}
    </div>
  );
}

function ActiveSectionEditor({
  blocks,
  section,
  caretAt,
  spans,
  onEditor,
  onChange,
}: {
  blocks: TextBlock[];
  section: TextSection;
  caretAt: number;
  spans: SectionSpan[];
  onEditor: (editor: Editor | null) => void;
  onChange: () => void;
}) {
  const sectionBlocks = useMemo(() => blocks.slice(section.firstBlock, section.lastBlock + 1), [blocks, section]);
  const offsets = useMemo(() => createOffsetMap(sectionBlocks), [sectionBlocks]);
  // Stable options: useEditor re-applies options that changed identity on every render.
  const content = useMemo(() => buildDocumentContent(sectionBlocks), [sectionBlocks]);
  const editorProps = useMemo(
    () => ({ attributes: { class: "reading--editor section-editor", spellcheck: "false", "aria-label": `Section ${section.index + 1} of the text, editable`, "aria-multiline": "true" } }),
    [section.index],
  );
  // The section's highlights (clipped to it) are built into the editor with its text.
  const [extensions] = useState(() =>
    createReadingExtensions(
      spans.flatMap((span) => {
        const start = Math.max(span.start, section.start);
        const end = Math.min(span.end, section.end);
        return start < end ? [{ id: span.id, from: offsets.textToPm(start, "start"), to: offsets.textToPm(end, "end"), kind: span.kind, label: span.label, text: span.text }] : [];
      }),
    ),
  );
  const editor = useEditor({ extensions, content, immediatelyRender: false, shouldRerenderOnTransaction: false, editorProps, onUpdate: () => onChange() });

  // Once created: editable, with the caret where the reader clicked. (Everything this reads is fixed
  // for the editor's life: a section change mounts a new one.)
  useEffect(() => {
    if (!editor) return;
    editor.view.dispatch(editor.state.tr.setMeta(readingModeKey, { editing: true }));
    editor.chain().setTextSelection(offsets.textToPm(Math.min(Math.max(caretAt, section.start), section.end), "start")).focus().run();
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, offsets, caretAt, section, onEditor]);

  return <EditorContent editor={editor} />;
}

/** The text offset under a click on a section shown as plain text, if the click was on its text. */
function offsetAtPoint(event: MouseEvent): number | null {
  // caretPositionFromPoint is the standard (Chromium 128+, Firefox); caretRangeFromPoint older WebKit.
  const position = document.caretPositionFromPoint?.(event.clientX, event.clientY);
  const range = position ? null : document.caretRangeFromPoint?.(event.clientX, event.clientY);
  const node = position?.offsetNode ?? range?.startContainer;
  const offset = position?.offset ?? range?.startOffset ?? 0;
  const block = node?.parentElement?.closest<HTMLElement>("[data-start]");
  if (!node || node.nodeType !== Node.TEXT_NODE || !block) return null;
  return Number(block.dataset.start) + offset;
}

/** A rough height for a section not yet drawn (the reading column holds about 75 characters a line). */
function estimatedHeight(section: TextSection): number {
  return Math.round(((section.end - section.start) / 75) * 30 + (section.lastBlock - section.firstBlock + 1) * 20);
}

const StaticSection = memo(function StaticSection({
  blocks,
  section,
  locked,
  onActivate,
}: {
  blocks: TextBlock[];
  section: TextSection;
  locked: boolean;
  onActivate: (section: TextSection, caretAt: number) => void;
}) {
  return (
    <div
      className={`text-section${locked ? " is-locked" : ""}`}
      style={{ containIntrinsicSize: `auto ${estimatedHeight(section)}px` }}
      title={locked ? "Save or cancel the changes in the section being edited first" : "Click to edit this section"}
      onMouseDown={(event) => {
        if (event.button !== 0) return;
        event.preventDefault();
        onActivate(section, offsetAtPoint(event) ?? section.start);
      }}
    >
      {blocks.slice(section.firstBlock, section.lastBlock + 1).map((block) => (
        <BlockElement key={block.start} block={block} withOffsets>
          {block.text}
        </BlockElement>
      ))}
    </div>
  );
});
