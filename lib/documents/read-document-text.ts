import { AppError } from "../errors";
import { unstorableTextReason } from "../validations/text-rules";

/** The largest text a document may have, in bytes of UTF-8. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

const ACCEPTED_EXTENSIONS: Record<string, string> = { ".txt": "text/plain", ".text": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown" };

export interface DocumentText {
  text: string;
  mediaType: "text/plain" | "text/markdown";
}

function tooLarge(bytes: number): AppError {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return new AppError("PAYLOAD_TOO_LARGE", `The text is ${mb} MB; the limit is 5 MB. Split it into parts and add each as a document.`, {
    text: "Larger than 5 MB.",
  });
}

/**
 * Normalises a document's text once, before anything is anchored to it: line endings become \n,
 * a byte-order mark goes, and paragraphs are separated by exactly one blank line with no blank space
 * around them — the form the reading view writes back when a transcription is edited, so a small
 * edit changes only the words it touches. Rejects empty text and control characters that only
 * binary files contain.
 */
export function normaliseDocumentText(raw: string): string {
  const text = raw
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n\s*/)
    .map((block) => block.trim())
    .filter(Boolean)
    .join("\n\n");
  if (!text) throw new AppError("INVALID_INPUT", "The text is empty. Paste the source's text or choose a file.", { text: "The text is empty." });
  const reason = unstorableTextReason(text);
  if (reason === "control") {
    throw new AppError("INVALID_INPUT", "The text contains control characters that only binary files have. Is this really a text file?", {
      text: "Contains binary control characters.",
    });
  }
  if (reason === "surrogate") {
    throw new AppError("INVALID_INPUT", "The text contains a broken character (a lone UTF-16 surrogate). Copy the text again from its source.", {
      text: "Contains a broken character.",
    });
  }
  return text;
}

/** Text pasted into the form (or sent as JSON): the same rules as an upload. */
export function readPastedText(raw: string, mediaType: DocumentText["mediaType"] = "text/plain"): DocumentText {
  const bytes = Buffer.byteLength(raw, "utf8");
  if (bytes > MAX_DOCUMENT_BYTES) throw tooLarge(bytes);
  return { text: normaliseDocumentText(raw), mediaType };
}

/** An uploaded .txt or .md file's bytes, which must be UTF-8 text of at most 5 MB. */
export function readUploadedText(fileName: string, bytes: Uint8Array): DocumentText {
  const extension = fileName.toLowerCase().match(/\.[a-z]+$/)?.[0] ?? "";
  const mediaType = ACCEPTED_EXTENSIONS[extension];
  if (!mediaType) {
    throw new AppError("INVALID_INPUT", `“${fileName}” is not a .txt or .md file. Save the source as plain text (UTF-8) and upload that.`, {
      file: "Only .txt and .md files.",
    });
  }
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw tooLarge(bytes.byteLength);
  if (bytes.includes(0)) {
    throw new AppError("INVALID_INPUT", `“${fileName}” is a binary file, not text. Save the source as plain text (UTF-8) and upload that.`, {
      file: "A binary file.",
    });
  }
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("INVALID_INPUT", `“${fileName}” is not valid UTF-8 text. Re-save it with UTF-8 encoding and try again.`, {
      file: "Not valid UTF-8.",
    });
  }
  return { text: normaliseDocumentText(decoded), mediaType: mediaType as DocumentText["mediaType"] };
}
