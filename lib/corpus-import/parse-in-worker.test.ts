import { monitorEventLoopDelay } from "node:perf_hooks";
import { describe, expect, it } from "vitest";
import { makePdf } from "../../tests/fixtures/corpus-files";
import { parseInWorker } from "./parse-in-worker";

describe("parseInWorker", { timeout: 120_000 }, () => {
  it("parses PDFs off the main thread, several at once, without blocking the event loop", async () => {
    const paragraphs = Array.from({ length: 6 }, (_, i) => `Абзац ${i}: съезд обсуждал вопросы индустриализации страны и положение в деревне, долго и подробно.`);
    const pdf = await makePdf(Array.from({ length: 20 }, () => ({ paragraphs })));
    // Warm the pool, then measure the loop's longest stall over several parses at once.
    expect((await parseInWorker("warm.pdf", pdf)).ok).toBe(true);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const outcomes = await Promise.all(Array.from({ length: 4 }, (_, i) => parseInWorker(`f${i}.pdf`, pdf)));
    delay.disable();
    for (const outcome of outcomes) {
      expect(outcome.ok && outcome.document.pageBreaks.length).toBe(20);
    }
    expect(delay.max / 1e6).toBeLessThan(50);
  }, 120_000);

  it("answers a refusal, not an exception, for bad files", async () => {
    expect(await parseInWorker("x.pdf", new TextEncoder().encode("not a pdf"))).toEqual({ ok: false, message: expect.stringMatching(/^“x\.pdf”: /) });
  });
});
