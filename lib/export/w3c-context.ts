/** The JSON-LD context every W3C Web Annotation names (the model requires it, as a string). */
export const W3C_ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/** Some publishers write the context with https; it names the same document. */
export const W3C_ANNOTATION_CONTEXT_ALIASES: readonly string[] = [W3C_ANNOTATION_CONTEXT, "https://www.w3.org/ns/anno.jsonld"];

/**
 * Terms the annotation context does not define, mapped to Dublin Core and schema.org, so that the
 * document metadata on each target's `source` and a claim's confidence stay linked data rather
 * than stray keys. The model allows extra contexts after its own.
 */
export const WORKBENCH_CONTEXT = {
  dcterms: "http://purl.org/dc/terms/",
  schema: "https://schema.org/",
  title: "dcterms:title",
  date: "dcterms:date",
  bibliographicCitation: "dcterms:bibliographicCitation",
  revision: "schema:version",
  confidence: "schema:ratingValue",
  /** On a text target: the page or pages of the source its words are on ("12", "12–13"). */
  pagination: "schema:pagination",
  /** The workbench's own term: "private" on an annotation only its author sees. */
  wb: "urn:x-source-criticism-workbench:",
  visibility: "wb:visibility",
  /**
   * A motivation the annotation context defines, mapped again here: one published copy of that
   * context lacks it, and without the mapping every "assessing" would read as a relative IRI.
   */
  oa: "http://www.w3.org/ns/oa#",
  assessing: "oa:assessing",
} as const;

/** The context of the collection and of each annotation in it (the W3C test suite wants one on every annotation). */
export const W3C_EXPORT_CONTEXT = [W3C_ANNOTATION_CONTEXT, WORKBENCH_CONTEXT] as const;

/** Who made the serialisation: the `generator` of every exported annotation. */
export const WORKBENCH_GENERATOR_NAME = "Source Criticism Workbench";
