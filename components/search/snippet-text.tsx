import type { Snippet } from "@/lib/search/snippet";

/** A snippet with its hits marked; "…" where text was left out. */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippet.clippedStart && "… "}
      {snippet.parts.map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
      {snippet.clippedEnd && " …"}
    </>
  );
}
