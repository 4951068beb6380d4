import type * as R from "../fixtures/clients/recursion-31/models.js";
import type * as RW from "../fixtures/clients/read-write-31/index.js";
import type * as I from "../fixtures/clients/identifiers-31/index.js";

// recursion through properties, arrays, allOf, oneOf and additionalProperties
const tree: R.TreeNode = { value: "root", children: [{ value: "leaf", children: [] }], parent: { value: "p" } };
// @ts-expect-error a child needs a value
const badTree: R.TreeNode = { value: "root", children: [{}] };
const company: R.Company = { staff: [{ employer: { staff: [] } }] };
const extended: R.Extended = { value: "a", next: { value: "b" } };
const expression: R.Expression = { left: 1, right: { left: 2, right: 3 } };
// @ts-expect-error strings are not expressions
const badExpression: R.Expression = { left: "1", right: 2 };
const json: R.Json = { a: [1, "two", null, { b: false }] };
// @ts-expect-error undefined is not JSON
const notJson: R.Json = { a: undefined };
const directory: R.Directory = { etc: { hosts: {} } };

// readOnly / writeOnly: requests omit readOnly properties, responses omit writeOnly ones.
const request: RW.CreateUserParams = { body: { name: "n", password: "p" } };
// @ts-expect-error id is readOnly: not part of a request body
const withId: RW.CreateUserParams = { body: { id: "1", name: "n", password: "p" } };
const response: RW.User = { id: "1", name: "n" };
// @ts-expect-error password is writeOnly: never in a response
const withPassword: RW.User = { id: "1", name: "n", password: "p" };
const team: RW.SaveTeamParams = { body: { members: [{ name: "n", password: "p" }] } };

// identifiers: non-identifier names stay reachable, colliding names are kept apart
const foo: I.Foo = { default: "d", "x-rate-limit": 1, "1st": "a", "with space": "b", 'quote"d': "c", ünïcode: "u", "😀": "e" };
const fooString: I.Foo2 = "lower-case foo";
const fooBar: [I.FooBar, I.FooBar2] = [1, true];
const shadowing: I.Array2 = [{ e: { message: "m" } }];
const params: I.GetItemByIdÜnïcodeParams = { itemId: "1", class_: "c", filterName: "f", xRequestID: "h", xRequestId: "q" };
// @ts-expect-error the path parameter is required
const noId: I.GetItemByIdÜnïcodeParams = {};

export { tree, badTree, company, extended, expression, badExpression, json, notJson, directory, request, withId, response, withPassword, team, foo, fooString, fooBar, shadowing, params, noId };
