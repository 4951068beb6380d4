import { Awkward, Color, Mixed, Weight, NullablesEnumWithNull, Constant } from "../fixtures/clients/scalars-31/models.js";
import type { Documented, Nullables } from "../fixtures/clients/scalars-31/models.js";
import type { Nullables as Nullables30, Constant as Constant30 } from "../fixtures/clients/scalars-30/models.js";

// Nullable in all three spellings: null accepted, undefined and other types rejected.
const nulls: Nullables = { typeArray: null, anyOfNull: null, oneOfNull: null, enumWithNull: null };
const values: Nullables = { typeArray: "x", anyOfNull: 1, oneOfNull: "red", enumWithNull: "on" };
// @ts-expect-error required nullable properties still have to be present
const absent: Nullables = { typeArray: null, anyOfNull: null, oneOfNull: null };
// @ts-expect-error "purple" is not a Color
const badColor: Nullables = { typeArray: null, anyOfNull: null, oneOfNull: "purple", enumWithNull: null };
const nulls30: Nullables30 = { nullableFlag: null, anyOfNullable: null, enumWithNull: null };
// @ts-expect-error a 3.0 nullable string is not a number
const wrong30: Nullables30 = { nullableFlag: 1, anyOfNullable: null, enumWithNull: null };

// const and single-value enums
const fixed: Constant = "fixed-value";
const fixed30: Constant30 = Constant.FixedValue;
// @ts-expect-error only the constant is allowed
const notFixed: Constant = "other";

// Enums: the const object's values are exactly the union.
const colors: Color[] = Object.values(Color);
const weight: Weight = Weight.Minus1;
// @ts-expect-error 4 is not a Weight
const badWeight: Weight = 4;
const mixed: Mixed[] = [1, "one", true, null];
// @ts-expect-error false is not in the mixed enum
const badMixed: Mixed = false;
const awkward: Awkward[] = [Awkward.AB, Awkward.Empty, Awkward._1, Awkward.A, Awkward.A2, Awkward.Class, Awkward._];
// @ts-expect-error case matters
const badAwkward: Awkward = "B";
const off: NullablesEnumWithNull = NullablesEnumWithNull.Null;

// Formats stay strings; binary is a Blob; int64 is a number.
const documented: Documented = { when: "2025-01-01T00:00:00Z", id: "3fa85f64", big: 1, file: new Blob(["x"]) };
// @ts-expect-error a Date is not the wire format
const dateObject: Documented = { when: new Date() };
// @ts-expect-error a binary property takes a Blob, not a string
const fileString: Documented = { file: "bytes" };

export { nulls, values, absent, badColor, nulls30, wrong30, fixed, fixed30, notFixed, colors, weight, badWeight, mixed, badMixed, awkward, badAwkward, off, documented, dateObject, fileString };
