import { describe, expect, it } from "vitest";
import { clientClassName, defaultResourcePlace } from "../../generator/naming/resourceNames.js";

describe("defaultResourcePlace", () => {
  it.each([
    // [method, path, resource, method name]
    ["GET", "/endpoints/{id}", "endpoints", "retrieve"],
    ["GET", "/endpoints", "endpoints", "list"],
    ["POST", "/endpoints", "endpoints", "create"],
    ["PATCH", "/endpoints/{id}", "endpoints", "update"],
    ["PUT", "/endpoints/{id}", "endpoints", "update"],
    ["DELETE", "/endpoints/{id}", "endpoints", "delete"],
    ["POST", "/chat/completions", "chat.completions", "create"],
    // A POST to a literal after a parameter is an action on what the parameter names.
    ["POST", "/fine-tunes/{id}/cancel", "fineTunes", "cancel"],
    // A GET there is a sub-resource.
    ["GET", "/fine-tunes/{id}/events", "fineTunes.events", "list"],
    ["GET", "/projects/{projectId}/endpoints/{id}", "projects.endpoints", "retrieve"],
    // Versions name no resource; a custom verb after `:` is the method.
    ["GET", "/management/v1/endpoints/{endpoint_id}", "management.endpoints", "retrieve"],
    ["POST", "/management/v1/endpoints/{endpoint_id}:deployModel", "management.endpoints", "deployModel"],
    ["HEAD", "/files/{id}", "files", "head"],
    ["GET", "/whoami", "whoami", "list"],
    // The root: nothing names a resource, and no segment says it is a collection.
    ["GET", "/", "", "retrieve"],
  ])("%s %s -> %s.%s", (method, path, resource, name) => {
    const place = defaultResourcePlace(method, path);
    expect([place.resource.join("."), place.method]).toEqual([resource, name]);
  });
});

describe("clientClassName", () => {
  it.each([
    ["Together APIs", "together", "Together"],
    ["OpenAI API", "openai", "OpenAI"],
    ["The Stripe REST API", "stripe", "Stripe"],
    ["Endpoint Management Orchestrator API", "cerebras", "EndpointManagementOrchestrator"],
    ["API", "acme-corp", "AcmeCorp"],
    ["v1", "2fa", "Client"],
  ])("%s (%s) -> %s", (title, apiName, expected) => {
    expect(clientClassName(title, apiName)).toBe(expected);
  });
});
