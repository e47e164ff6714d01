import Paragraph from "@tiptap/extension-paragraph";

/** A paragraph that remembers whether it is a footnote (003's page-break footnotes), for styling. */
export const SourceParagraph = Paragraph.extend({
  addAttributes() {
    return {
      footnote: {
        default: false,
        renderHTML: (attributes: { footnote?: boolean }) => (attributes.footnote ? { class: "block-footnote" } : {}),
        parseHTML: (element: HTMLElement) => element.classList.contains("block-footnote"),
      },
    };
  },
});
