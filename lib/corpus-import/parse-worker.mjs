// The parsing worker's entry point, loaded by Node itself (never bundled by Next), so it reaches
// the parsers' TypeScript through tsx's loader. It answers { id, op: "parse", fileName, bytes,
// options } with { id, outcome: ParseOutcome } and { id, op: "zip", bytes } with { id, outcome:
// CorpusZipOutcome }; parse-in-worker.ts runs a small pool of these.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { parseFile } = await import("./parse-file.ts");
const { readCorpusZip } = await import("./read-corpus-zip.ts");
await import("pdfjs-dist/legacy/build/pdf.mjs"); // loaded once up front: the first PDF is then as fast as the rest

parentPort.on("message", async ({ id, op, fileName, bytes, options }) => {
  try {
    if (op === "zip") {
      const outcome = readCorpusZip(new Uint8Array(bytes));
      const transfer = outcome.ok ? outcome.files.map((file) => (file.bytes = file.bytes.slice()).buffer) : [];
      parentPort.postMessage({ id, outcome }, transfer);
      return;
    }
    parentPort.postMessage({ id, outcome: await parseFile(fileName, new Uint8Array(bytes), options) });
  } catch (error) {
    console.error(error);
    const reason = `could not be read (${error instanceof Error ? error.message.slice(0, 120) : "unknown error"}).`;
    parentPort.postMessage({ id, outcome: op === "zip" ? { ok: false, reason: `the archive ${reason}` } : { ok: false, message: `“${fileName}”: this file ${reason}` } });
  }
});
parentPort.postMessage({ ready: true });
