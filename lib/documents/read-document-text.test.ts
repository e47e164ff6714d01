import { describe, expect, it } from "vitest";
import { MAX_DOCUMENT_BYTES, readPastedText, readUploadedText } from "./read-document-text";

const utf8 = (text: string) => new TextEncoder().encode(text);

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error("expected an error");
}

describe("readUploadedText", () => {
  it("reads UTF-8 text, Cyrillic and curly quotes included, and normalises line endings", () => {
    const result = readUploadedText("stalin.txt", utf8("\uFEFFО дискуссии\r\n\r\n“Dawn of the East” No. 473\r\n"));
    expect(result).toEqual({ text: "О дискуссии\n\n“Dawn of the East” No. 473", mediaType: "text/plain" });
  });

  it("knows Markdown files", () => {
    expect(readUploadedText("Notes.MD", utf8("# Heading")).mediaType).toBe("text/markdown");
  });

  it("rejects other file types", () => {
    expect(errorOf(() => readUploadedText("scan.pdf", utf8("%PDF-1.7")))).toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("not a .txt or .md") });
  });

  it("rejects binary content even with a .txt name", () => {
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
    expect(errorOf(() => readUploadedText("image.txt", bytes))).toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("binary") });
  });

  it("rejects invalid UTF-8 (a Latin-1 file)", () => {
    const latin1 = new Uint8Array([0x4b, 0xf6, 0x6e, 0x69, 0x67]); // "König" in Latin-1
    expect(errorOf(() => readUploadedText("koenig.txt", latin1))).toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("UTF-8") });
  });

  it("rejects files over 5 MB", () => {
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x61);
    expect(errorOf(() => readUploadedText("big.txt", big))).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringContaining("5 MB") });
  });

  it("rejects empty and whitespace-only files", () => {
    expect(errorOf(() => readUploadedText("empty.txt", utf8(" \n\t \n")))).toMatchObject({ code: "INVALID_INPUT", message: expect.stringContaining("empty") });
  });
});

describe("readPastedText", () => {
  it("applies the same limits to pasted text", () => {
    expect(errorOf(() => readPastedText(""))).toMatchObject({ code: "INVALID_INPUT" });
    expect(errorOf(() => readPastedText("a\u0000b"))).toMatchObject({ code: "INVALID_INPUT" });
    expect(errorOf(() => readPastedText("я".repeat(MAX_DOCUMENT_BYTES / 2 + 1)))).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(readPastedText("  Text.  ").text).toBe("Text.");
  });
});
