import { describe, expect, it } from "vitest";
import { readLimitedForm } from "./read-limited-form";

const messages = { tooLarge: "too large", malformed: "malformed" };

function formRequest(bytes: number): Request {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], "bundle.zip"));
  const encoded = new Response(form);
  const headers = new Headers({ "content-type": encoded.headers.get("content-type")! });
  // Without a declared length the body arrives as a stream, as a chunked upload does.
  return new Request("http://x.test/", { method: "POST", body: encoded.body, headers, duplex: "half" } as RequestInit);
}

describe("readLimitedForm", () => {
  it("reads a form within the limit", async () => {
    const form = await readLimitedForm(formRequest(1000), { maxBytes: 10_000, ...messages });
    expect((form.get("file") as File).size).toBe(1000);
  });

  it("refuses a streamed body that grows past the limit, with no Content-Length to go by", async () => {
    const request = formRequest(50_000);
    expect(request.headers.get("content-length")).toBeNull();
    await expect(readLimitedForm(request, { maxBytes: 10_000, ...messages })).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: "too large" });
  });

  it("refuses a declared length over the limit before reading", async () => {
    const request = new Request("http://x.test/", { method: "POST", body: "x", headers: { "content-length": "99999999", "content-type": "multipart/form-data; boundary=b" } });
    await expect(readLimitedForm(request, { maxBytes: 10_000, ...messages })).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });

  it("refuses a body that is not multipart/form-data as the wrong media type", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "application/json"]) {
      const request = new Request("http://x.test/", { method: "POST", body: "hello", headers: { "content-type": type } });
      await expect(readLimitedForm(request, { maxBytes: 10_000, ...messages })).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", message: "malformed" });
    }
  });

  it("calls a multipart body that does not parse malformed", async () => {
    const request = new Request("http://x.test/", { method: "POST", body: "hello", headers: { "content-type": "multipart/form-data; boundary=b" } });
    await expect(readLimitedForm(request, { maxBytes: 10_000, ...messages })).rejects.toMatchObject({ code: "INVALID_INPUT", message: "malformed" });
  });
});
