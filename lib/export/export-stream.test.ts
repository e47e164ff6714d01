import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { toReadableStream } from "./export-stream";

async function* chunks(...items: string[]) {
  for (const item of items) yield item;
}

/** The sample export set behind an in-memory reader (one batch), as openExportReader would give it. */
async function sampleReader() {
  const { SAMPLE_SET } = await import("./sample-export-set");
  return {
    set: SAMPLE_SET,
    reader: (documents = [...SAMPLE_SET.documents]) => ({
      workspace: { ...SAMPLE_SET.workspace, techniqueTaxonomy: "PTC_18" },
      documents,
      tags: new Map(),
      annotationCount: SAMPLE_SET.annotations.length,
      annotationBatches: async function* () {
        yield [...SAMPLE_SET.annotations];
      },
      links: () => [...SAMPLE_SET.links],
      close: () => {},
    }),
  };
}

describe("toReadableStream", () => {
  it("encodes string chunks as UTF-8 and closes the source when done", async () => {
    let closed = 0;
    const body = toReadableStream(chunks("Съезд ", "𝔄 1925"), () => (closed += 1));
    expect(await new Response(body).text()).toBe("Съезд 𝔄 1925");
    expect(closed).toBe(1);
  });

  it("stops an export that outlives its time limit and releases the reader", async () => {
    let closed = 0;
    async function* slow() {
      yield "first";
      await new Promise((resolve) => setTimeout(resolve, 200));
      yield "never read";
    }
    const body = toReadableStream(slow(), () => (closed += 1), 50);
    await expect(new Response(body).text()).rejects.toThrow();
    expect(closed).toBe(1);
  });

  it("closes the source when the client cancels", async () => {
    let closed = 0;
    const body = toReadableStream(chunks("a", "b", "c"), () => (closed += 1));
    const reader = body.getReader();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(1);
  });
});

describe("bundle ZIP slices", () => {
  it("keeps astral characters whole when a long text is deflated in slices", async () => {
    const { streamExport } = await import("./export-stream");
    const metadata = { id: "d1", title: "Long", authors: [], dateText: null, place: null, sourceKind: null, genre: null, language: null, provenance: null, notes: "", containerTitle: null, publisher: null, publisherPlace: null, edition: null, volume: null, issue: null, pages: null, url: null, archiveLocation: null, revisionNumber: 1 };
    // Put the astral character's high surrogate on the last unit of the first 512 K slice of the JSON line.
    const textStart = JSON.stringify({ ...metadata, text: "" }).length - 2;
    const text = `${"a".repeat(512 * 1024 - 1 - textStart)}𝔄${"b".repeat(10)}`;
    const document = { ...metadata, text };
    expect(`${JSON.stringify(document)}\n`.charCodeAt(512 * 1024 - 1)).toBe("𝔄".charCodeAt(0));
    const reader = {
      workspace: { id: "w", name: "W", techniqueTaxonomy: "PTC_18" },
      documents: [document],
      tags: new Map(),
      annotationCount: 0,
      annotationBatches: async function* () {},
      links: () => [],
      close: () => {},
    };
    const { body } = streamExport(reader, "bundle", { baseUrl: "https://x.test", now: new Date("2026-01-01T00:00:00Z") });
    const files = unzipSync(new Uint8Array(await new Response(body).arrayBuffer()));
    const line = JSON.parse(strFromU8(files["documents.jsonl"]!).trim()) as { text: string };
    expect(line.text).toBe(text);
  });
});

describe("W3C JSON-LD stream", () => {
  it("writes the same collection as buildW3cCollection, item for item", async () => {
    const { streamExport } = await import("./export-stream");
    const { buildW3cCollection } = await import("./w3c-annotations");
    const { set, reader } = await sampleReader();
    const options = { baseUrl: "https://x.test", now: new Date("2026-01-01T00:00:00Z") };
    const streamed = JSON.parse(await new Response(streamExport(reader(), "w3c", options).body).text()) as unknown;
    expect(streamed).toEqual(buildW3cCollection(set, options));
  });
});

describe("report and TEI streams", () => {
  const options = { baseUrl: "https://x.test", now: new Date("2026-01-01T00:00:00Z") };

  it("writes, piece by piece, the same report as buildReportHtml", async () => {
    const { streamExport } = await import("./export-stream");
    const { buildReportHtml } = await import("./report-html");
    const { set, reader } = await sampleReader();
    const streamed = await new Response(streamExport(reader(), "report", options).body).text();
    expect(streamed).toBe(buildReportHtml(set, options));
  });

  it("writes the same TEI as buildTeiDocument, alone and in the ZIP of several", async () => {
    const { streamExport } = await import("./export-stream");
    const { buildTeiDocument } = await import("./tei-document");
    const { set, reader } = await sampleReader();
    const [first] = set.documents;
    const single = await new Response(streamExport(reader([first!]), "tei", options).body).text();
    expect(single).toBe(buildTeiDocument(first!, set.annotations, set.links, options));
    const zip = unzipSync(new Uint8Array(await new Response(streamExport(reader(), "tei", options).body).arrayBuffer()));
    const files = Object.keys(zip).sort();
    expect(files).toHaveLength(set.documents.length);
    set.documents.forEach((document, index) => {
      const name = files.find((file) => file.startsWith(`${String(index + 1).padStart(3, "0")}-`));
      expect(strFromU8(zip[name!]!)).toBe(buildTeiDocument(document, set.annotations, set.links, options));
    });
  });
});

describe("timeSliced", () => {
  it("hands pieces on in order, gathered into chunks, and lets other tasks run while it works", async () => {
    const { timeSliced } = await import("./export-stream");
    let othersRan = 0;
    const timer = setInterval(() => (othersRan += 1), 0);
    function* slowPieces() {
      for (let i = 0; i < 40; i++) {
        const until = performance.now() + 2;
        while (performance.now() < until) {
          // 2 ms of work per piece: 80 ms in all, sliced every 10 ms.
        }
        yield `${i},`;
      }
    }
    const chunks: string[] = [];
    try {
      for await (const chunk of timeSliced(slowPieces(), 10, 16)) chunks.push(String(chunk));
    } finally {
      clearInterval(timer);
    }
    expect(chunks.join("")).toBe(Array.from({ length: 40 }, (_, i) => `${i},`).join(""));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.every((chunk) => chunk.length >= 16 || chunk === chunks.at(-1))).toBe(true);
    expect(othersRan).toBeGreaterThanOrEqual(4);
  });
});
