import { describe, expect, it } from "vitest";
import { operationName } from "../../generator/naming/operationName.js";

describe("operationName", () => {
  it.each([
    // [operationId, method, path, expected]
    ["get_endpoint_status_route_management_v1_endpoints__endpoint_id__get", "GET", "/management/v1/endpoints/{endpoint_id}", "getEndpointStatus"],
    [
      "deploy_model_to_endpoint_route_management_v1_endpoints__endpoint_id__deployModel_post",
      "POST",
      "/management/v1/endpoints/{endpoint_id}:deployModel",
      "deployModelToEndpoint",
    ],
    ["list_items_items_get", "GET", "/items", "listItems"],
    ["read_item_items__item_id__get", "GET", "/items/{item_id}", "readItem"],
    ["getEndpoint", "GET", "/endpoints/{endpointId}", "getEndpoint"],
    ["Get-Endpoint By ID", "GET", "/x", "getEndpointByID"],
    ["delete", "DELETE", "/x", "delete_"],
    ["2fa_enable", "POST", "/2fa", "_2faEnable"],
    // The suffix only counts when it matches this operation's own path and method.
    ["get_items_items_post", "GET", "/items", "getItemsItemsPost"],
    [undefined, "GET", "/endpoints/{endpointId}", "getEndpointsByEndpointId"],
    [undefined, "POST", "/v1/chat/completions", "postV1ChatCompletions"],
    ["", "DELETE", "/users/{user-id}/keys/{key_id}", "deleteUsersByUserIdKeysByKeyId"],
  ])("%s %s %s -> %s", (operationId, method, path, expected) => {
    expect(operationName({ method, path, ...(operationId === undefined ? {} : { operationId }) })).toBe(expected);
  });
});
