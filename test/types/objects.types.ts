import type * as O from "../fixtures/clients/objects-31/models.js";
import type * as O30 from "../fixtures/clients/objects-30/models.js";
import type * as A from "../fixtures/clients/arrays-31/models.js";

// additionalProperties: schema -> typed index signature
const map: O.StringMap = { a: "x", b: "y" };
// @ts-expect-error values must be strings
const badMap: O.StringMap = { a: 1 };
const known: O.MapWithKnown = { count: 1, label: "x" };
// @ts-expect-error count is required
const noCount: O.MapWithKnown = { label: "x" };
// additionalProperties: true -> extra keys of any type
const open: O.OpenTrue = { a: "x", extra: 1 };
// additionalProperties: false -> object literals with extra keys are rejected
// @ts-expect-error b is not declared
const closed: O.Closed = { a: "x", b: 1 };
// patternProperties -> index signature of the pattern value types
const patterned: O.Patterned = { "x-a": "s", "n-b": 1 };
// @ts-expect-error booleans match no pattern's type
const badPattern: O.Patterned = { "x-a": true };
// propertyNames enum -> only those keys
const limited: O.KeyLimited = { small: 1 };
// @ts-expect-error "medium" is not an allowed property name
const badLimited: O.KeyLimited = { medium: 1 };
// objects with no properties: any object; additionalProperties false and no properties: only {}
const empty: O.EmptyObject = { anything: [1] };
// @ts-expect-error a string is not an object
const notObject: O.EmptyObject = "x";
const emptyClosed: O.EmptyClosed = {};
// @ts-expect-error nothing is allowed
const badClosed: O.EmptyClosed = { a: 1 };
// free-form {} -> unknown (never any): usable only after narrowing
const free: O.FreeForm = { whatever: true };
// @ts-expect-error unknown has no properties
const freeAccess = (value: O.FreeForm) => value.whatever;
const holder30: O30.Holder = { nested: { deep: true } };
// @ts-expect-error deep is required in the inline nested object
const badHolder30: O30.Holder = { nested: {} };

// arrays and tuples
const point: A.Point = [1, 2];
// @ts-expect-error items: false closes the tuple
const point3: A.Point = [1, 2, 3];
// @ts-expect-error both positions are required (minItems 2)
const point1: A.Point = [1];
const rows: A.Row[] = [["a"], ["a", 1], ["a", 1, true, false]];
// @ts-expect-error the rest must be booleans
const badRow: A.Row = ["a", 1, "no"];
const matrix: A.Matrix = [[1], [2, 3]];
// @ts-expect-error nested arrays are arrays of arrays
const flat: A.Matrix = [1, 2];
const nullableItems: A.NullableItems = ["a", null];

export { map, badMap, known, noCount, open, closed, patterned, badPattern, limited, badLimited, empty, notObject, emptyClosed, badClosed, free, freeAccess, holder30, badHolder30, point, point3, point1, rows, badRow, matrix, flat, nullableItems };
