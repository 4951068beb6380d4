import { describe, expect, it } from "vitest";
import type { HttpMethod, ParameterModel } from "../../generator/model/apiModel.js";
import { idempotencyKey } from "../../generator/model/idempotencyKey.js";

function parameter(wireName: string, location: ParameterModel["in"] = "header", description?: string): ParameterModel {
  return {
    name: wireName,
    wireName,
    in: location,
    required: true,
    style: "simple",
    explode: false,
    type: { kind: "primitive", name: "string" },
    doc: description === undefined ? {} : { description },
  };
}

const minted = "Minted per call (`crypto.randomUUID()`) when omitted; the same key goes with every retry.";

describe("idempotencyKey: the header an operation's key travels in", () => {
  it.each<[string, ParameterModel[], HttpMethod, string | undefined, string | undefined]>([
    ["Stripe's Idempotency-Key", [parameter("Idempotency-Key")], "POST", undefined, "Idempotency-Key"],
    ["lower case", [parameter("idempotency-key")], "POST", undefined, "idempotency-key"],
    ["a vendor prefix", [parameter("X-Idempotency-Key")], "POST", undefined, "X-Idempotency-Key"],
    ["Checkout.com's", [parameter("Cko-Idempotency-Key")], "POST", undefined, "Cko-Idempotency-Key"],
    ["Twilio's token", [parameter("I-Twilio-Idempotency-Token")], "POST", undefined, "I-Twilio-Idempotency-Token"],
    ["snake case", [parameter("idempotency_key")], "POST", undefined, "idempotency_key"],
    ["Idempotent-Key", [parameter("Idempotent-Key")], "PATCH", undefined, "Idempotent-Key"],
    ["declared on any method", [parameter("Idempotency-Key")], "PUT", undefined, "Idempotency-Key"],
    ["declared wins over the config", [parameter("X-Idempotency-Key")], "POST", "Idempotency-Key", "X-Idempotency-Key"],
    ["a query parameter is not a header", [parameter("idempotency_key", "query")], "POST", undefined, undefined],
    ["a response-style name", [parameter("Idempotent-Replayed")], "POST", undefined, undefined],
    ["another header", [parameter("X-Request-ID")], "POST", undefined, undefined],
    ["the config, for a POST", [parameter("X-Request-ID")], "POST", "Idempotency-Key", "Idempotency-Key"],
    ["the config, for a PATCH", [], "PATCH", "Idempotency-Key", "Idempotency-Key"],
    ["the config skips a GET", [], "GET", "Idempotency-Key", undefined],
    ["the config skips a PUT (idempotent already)", [], "PUT", "Idempotency-Key", undefined],
    ["the config skips a DELETE", [], "DELETE", "Idempotency-Key", undefined],
  ])("%s", (_case, parameters, method, configured, want) => {
    expect(idempotencyKey(parameters, method, configured).header).toBe(want);
  });

  it("makes the declared parameter optional and says the key is minted, keeping the spec's description", () => {
    const other = parameter("X-Request-ID");
    const { parameters } = idempotencyKey([other, parameter("Idempotency-Key", "header", "Unique per charge.")], "POST", undefined);
    expect(parameters[0]).toBe(other);
    expect(parameters[1]).toMatchObject({ wireName: "Idempotency-Key", required: false, doc: { description: `Unique per charge.\n\n${minted}` } });
    const bare = idempotencyKey([parameter("Idempotency-Key")], "POST", undefined).parameters[0];
    expect(bare?.doc.description).toBe(minted);
  });

  it("leaves the parameters alone when the key comes from the config", () => {
    const parameters = [parameter("X-Request-ID")];
    expect(idempotencyKey(parameters, "POST", "Idempotency-Key").parameters).toBe(parameters);
  });
});
