import { describe, expect, it } from "vitest";
import { createAdmissionGate, inFlightLimit, waitsItsTurn } from "./admission-gate.mjs";

describe("createAdmissionGate", () => {
  it("runs at most `limit` at once, and the rest in the order they came", () => {
    const gate = createAdmissionGate(2);
    const started: number[] = [];
    const finish: Array<() => void> = [];
    for (let i = 0; i < 5; i++) gate((done) => (started.push(i), finish.push(done)));
    expect(started).toEqual([0, 1]);
    finish[1]?.();
    expect(started).toEqual([0, 1, 2]);
    // Finishing twice frees one place only.
    finish[1]?.();
    expect(started).toEqual([0, 1, 2]);
    finish[0]?.();
    finish[2]?.();
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it("skips a request whose client left while it waited, and a new arrival never jumps the queue", () => {
    const gate = createAdmissionGate(1);
    const started: string[] = [];
    let finishFirst = () => {};
    gate((done) => (started.push("first"), (finishFirst = done)));
    gate(() => started.push("gone"), () => true);
    gate((done) => (started.push("waiting"), done()));
    finishFirst();
    expect(started).toEqual(["first", "waiting"]);
    gate((done) => (started.push("later"), done()));
    expect(started).toEqual(["first", "waiting", "later"]);
  });
});

describe("which requests wait, and how many run", () => {
  it("reads WORKBENCH_MAX_IN_FLIGHT, 16 when unset, and refuses nonsense", () => {
    expect(inFlightLimit({})).toBe(16);
    expect(inFlightLimit({ WORKBENCH_MAX_IN_FLIGHT: "4" })).toBe(4);
    for (const raw of ["0", "-3", "2.5", "many", "10001"]) expect(() => inFlightLimit({ WORKBENCH_MAX_IN_FLIGHT: raw })).toThrow(/WORKBENCH_MAX_IN_FLIGHT/);
  });

  it("lets static files and uploads through, and gates pages and API calls", () => {
    expect(waitsItsTurn({ url: "/_next/static/chunks/app.js", headers: {} })).toBe(false);
    expect(waitsItsTurn({ url: "/api/workspaces/w/documents", headers: { "content-type": "multipart/form-data; boundary=x" } })).toBe(false);
    expect(waitsItsTurn({ url: "/api/workspaces/w/import", headers: { "content-type": "application/json", "content-length": "5000000" } })).toBe(false);
    expect(waitsItsTurn({ url: "/documents/d", headers: {} })).toBe(true);
    expect(waitsItsTurn({ url: "/api/documents/d/annotations", headers: { "content-type": "application/json", "content-length": "180" } })).toBe(true);
  });
});
