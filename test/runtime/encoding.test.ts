import { describe, expect, it } from "vitest";
import {
  binaryBody,
  configureClient,
  deepObject,
  formBody,
  joinDelimited,
  jsonBody,
  multipartBody,
  request,
  textBody,
  type ClientDefaults,
  type ClientOptions,
  type OperationRequest,
} from "../../templates/runtime.js";
import { only, recordingFetch } from "./helpers.js";

const defaults: ClientDefaults = {
  baseUrl: "https://api.example.test/v1",
  securitySchemes: {
    cookieKey: { type: "apiKey", in: "cookie", name: "session" },
    queryKey: { type: "apiKey", in: "query", name: "api_key" },
  },
};

/** Sends one operation through a recording fetch and returns the Request it produced. */
async function sent(overrides: Partial<OperationRequest>, options: ClientOptions = {}): Promise<Request> {
  const fake = recordingFetch(new Response(null, { status: 204 }));
  const client = configureClient({ fetch: fake.fetch, ...options }, defaults);
  await request(client, { method: "POST", path: "/things", security: [], ...overrides });
  return only(fake.requests);
}

describe("body encoders", () => {
  it("sends JSON with a custom content type", async () => {
    const req = await sent({ body: { a: [1, "☕"] }, encodeBody: jsonBody("application/merge-patch+json") });
    expect(req.headers.get("content-type")).toBe("application/merge-patch+json");
    expect(await req.text()).toBe('{"a":[1,"☕"]}');
  });

  it("keeps plain JSON as the default", async () => {
    const req = await sent({ body: { n: null } });
    expect(req.headers.get("content-type")).toBe("application/json");
    expect(await req.text()).toBe('{"n":null}');
  });

  it("form-encodes with the query expansion rules", async () => {
    const body = { name: "a b&c", tags: ["x", "y"], range: { from: 1, to: 2 }, skip: undefined, on: true };
    const req = await sent({ body, encodeBody: formBody });
    expect(req.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(await req.text()).toBe("name=a+b%26c&tags=x&tags=y&from=1&to=2&on=true");
  });

  it("builds multipart parts without setting a content type", async () => {
    const file = new File(["file-bytes"], "report.csv", { type: "text/csv" });
    const body = {
      title: "Q3",
      count: 3,
      file,
      blob: new Blob(["raw"]),
      labels: ["a", "b"],
      meta: { owner: "ann", tags: ["x"] },
      rows: [{ id: 1 }, { id: 2 }],
      skipped: undefined,
    };
    const req = await sent({ body, encodeBody: multipartBody });
    expect(req.headers.get("content-type")).toMatch(/^multipart\/form-data; boundary=/);
    const form = await req.formData();
    expect([...new Set(form.keys())]).toEqual(["title", "count", "file", "blob", "labels", "meta", "rows"]);
    expect(form.get("title")).toBe("Q3");
    expect(form.get("count")).toBe("3");
    expect(form.getAll("labels")).toEqual(["a", "b"]);
    const part = form.get("file");
    if (!(part instanceof File)) throw new Error("expected a file part");
    expect(part.name).toBe("report.csv");
    expect(part.type).toBe("text/csv");
    expect(await part.text()).toBe("file-bytes");
    expect(await (form.get("blob") as Blob).text()).toBe("raw");
    for (const [name, value] of [["meta", { owner: "ann", tags: ["x"] }], ["rows", [{ id: 1 }, { id: 2 }]]] as const) {
      const json = form.get(name);
      if (!(json instanceof Blob)) throw new Error(`expected ${name} to be a JSON part`);
      expect(json.type).toBe("application/json");
      expect(JSON.parse(await json.text())).toEqual(value);
    }
  });

  it("sends bytes in a multipart body as a file part named after its key, not as their digits", async () => {
    const req = await sent({ body: { data: new Uint8Array([104, 105]), buffer: new TextEncoder().encode("yo").buffer }, encodeBody: multipartBody });
    const form = await req.formData();
    for (const [name, text] of [["data", "hi"], ["buffer", "yo"]]) {
      const part = form.get(name!);
      if (!(part instanceof File)) throw new Error(`expected ${name} to be a file part`);
      expect([part.name, await part.text()]).toEqual([name, text]);
    }
  });

  it("rejects a non-object multipart or form body before sending", async () => {
    const fake = recordingFetch(new Response(null, { status: 204 }));
    const client = configureClient({ fetch: fake.fetch }, defaults);
    for (const encodeBody of [multipartBody, formBody]) {
      await expect(request(client, { method: "POST", path: "/x", body: "text", encodeBody, security: [] })).rejects.toThrow(TypeError);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it.each([
    ["Blob", new Blob([new Uint8Array([1, 2, 255])])],
    ["ArrayBuffer", new Uint8Array([1, 2, 255]).buffer],
    ["Uint8Array", new Uint8Array([9, 1, 2, 255]).subarray(1)],
  ])("sends a %s as-is", async (_kind, body) => {
    const req = await sent({ body, encodeBody: binaryBody("application/octet-stream") });
    expect(req.headers.get("content-type")).toBe("application/octet-stream");
    expect([...new Uint8Array(await req.arrayBuffer())]).toEqual([1, 2, 255]);
  });

  it("sends a ReadableStream with duplex half", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("chunk1,"));
        controller.enqueue(new TextEncoder().encode("chunk2"));
        controller.close();
      },
    });
    // new Request() in the recording fetch throws without duplex: "half", so this also checks it is passed.
    const req = await sent({ body: stream, encodeBody: binaryBody("video/mp4") });
    expect(req.headers.get("content-type")).toBe("video/mp4");
    expect(await req.text()).toBe("chunk1,chunk2");
  });

  it("rejects a non-binary value for a binary body", () => {
    expect(() => binaryBody("application/octet-stream")({ not: "bytes" })).toThrow(TypeError);
  });

  it("sends text with its content type", async () => {
    const req = await sent({ body: "# Title\n☕", encodeBody: textBody("text/markdown") });
    expect(req.headers.get("content-type")).toBe("text/markdown");
    expect(await req.text()).toBe("# Title\n☕");
  });
});

describe("parameter serialization", () => {
  it("expands query arrays and objects (form, explode)", async () => {
    const query = { ids: [1, 2, undefined, 3], filter: { color: "red", size: ["s", "m"], none: undefined }, q: "a b", gone: undefined };
    const req = await sent({ method: "GET", query });
    expect(new URL(req.url).search).toBe("?ids=1&ids=2&ids=3&color=red&size=s&size=m&q=a%20b");
  });

  it("serializes path params in simple style", async () => {
    const pathParams = { ids: ["a/b", "c d"], point: { x: 1, y: "2,3" }, id: 7 };
    const req = await sent({ path: "/p/{ids}/{point}/{id}", pathParams });
    expect(new URL(req.url).pathname).toBe("/v1/p/a%2Fb,c%20d/x,1,y,2%2C3/7");
  });

  it("joins header arrays and objects with commas and skips undefined", async () => {
    const headers = { "x-tags": ["a", undefined, "b", 3], "x-obj": { k: "v", n: 1, u: undefined }, "x-one": "v", "x-none": undefined };
    const req = await sent({ headers });
    expect(req.headers.get("x-tags")).toBe("a,b,3");
    expect(req.headers.get("x-obj")).toBe("k,v,n,1");
    expect(req.headers.get("x-one")).toBe("v");
    expect(req.headers.has("x-none")).toBe(false);
  });

  it("rejects CR/LF smuggled in through a header array", async () => {
    const fake = recordingFetch(new Response(null, { status: 204 }));
    const client = configureClient({ fetch: fake.fetch }, defaults);
    const operation = { method: "GET", path: "/x", headers: { "x-tags": ["a", "b\r\nX-Evil: 1"] }, security: [] };
    await expect(request(client, operation)).rejects.toThrow('Header "x-tags" contains CR, LF or NUL');
    expect(fake.requests).toHaveLength(0);
  });

  it("sends cookies as one encoded header, merged with client cookies and the apiKey cookie", async () => {
    const cookies = { theme: "dark mode;x=1", ids: [1, 2], none: undefined };
    const options = { apiKey: "k1", headers: { cookie: "a=b" } };
    const req = await sent({ cookies, security: [["cookieKey"]] }, options);
    expect(req.headers.get("cookie")).toBe("a=b; theme=dark%20mode%3Bx%3D1; ids=1%2C2; session=k1");
    const alone = await sent({ cookies: { lang: "é" } });
    expect(alone.headers.get("cookie")).toBe("lang=%C3%A9");
    const none = await sent({ cookies: { unset: undefined } });
    expect(none.headers.has("cookie")).toBe(false);
  });

  // OpenAPI's style table: items are encoded one by one, the delimiter stays literal (space as %20),
  // so an item containing the delimiter stays distinguishable from two items.
  it.each([
    [",", "q=a,b%2Cc,d%20e"],
    [" ", "q=a%20b%2Cc%20d%20e"],
    ["|", "q=a|b%2Cc|d%20e"],
  ] as const)("joinDelimited keeps %j literal between separately encoded items", async (delimiter, expected) => {
    const req = await sent({ method: "GET", query: { q: joinDelimited(["a", "b,c", undefined, "d e"], delimiter) } });
    expect(new URL(req.url).search).toBe(`?${expected}`);
  });

  it("joinDelimited flattens objects to key,value pairs and passes scalars and undefined through", async () => {
    const query = {
      rgb: joinDelimited({ r: 100, g: 200, skip: undefined }, ","),
      pair: joinDelimited({ r: 1, g: 2 }, "|"),
      one: joinDelimited(5, " "),
      none: joinDelimited(undefined, ","),
    };
    const req = await sent({ method: "GET", query });
    expect(new URL(req.url).search).toBe("?rgb=r,100,g,200&pair=r|1|g|2&one=5");
    expect(joinDelimited(undefined, ",")).toBeUndefined();
  });

  it("an apiKey in the query leaves the literal delimiters of other values alone", async () => {
    const req = await sent({ method: "GET", query: { ids: joinDelimited([1, 2], ",") }, security: [["queryKey"]] }, { apiKey: "k 1" });
    expect(new URL(req.url).search).toBe("?ids=1,2&api_key=k%201");
  });

  it("deepObject names each property, one level deep, and joins arrays", () => {
    const filter = { name: "x y", tags: ["a", undefined, "b"], range: { lo: 1, hi: 2 }, min: 0, off: false, skip: undefined };
    expect(deepObject("filter", filter)).toEqual({
      "filter[name]": "x y",
      "filter[tags]": "a,b",
      "filter[range]": "lo,1,hi,2",
      "filter[min]": "0",
      "filter[off]": "false",
    });
    expect(deepObject("filter", undefined)).toEqual({});
  });

  it("sends deepObject and delimited values through the query", async () => {
    const query = { ...deepObject("filter", { status: "open", ids: [1, 2] }), fields: joinDelimited(["a", "b"], "|"), none: joinDelimited(undefined, ",") };
    const req = await sent({ method: "GET", query });
    const params = new URL(req.url).searchParams;
    expect([...params]).toEqual([
      ["filter[status]", "open"],
      ["filter[ids]", "1,2"],
      ["fields", "a|b"],
    ]);
    expect(new URL(req.url).search).toContain("fields=a|b");
  });
});
