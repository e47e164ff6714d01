import { describe, expectTypeOf, it } from "vitest";
import type * as Prisma from "../generated/prisma/enums";
import type * as Export from "./export-model";

// The export model repeats the schema's enumerations so that it needs no Prisma import; these
// checks (run by `tsc`) fail the build the day the two drift apart.
describe("export model enumerations", () => {
  it("match the Prisma schema's", () => {
    expectTypeOf<Export.AnnotationKind>().toEqualTypeOf<Prisma.AnnotationKind>();
    expectTypeOf<Export.ClaimVerdict>().toEqualTypeOf<Prisma.ClaimVerdict>();
    expectTypeOf<Export.Visibility>().toEqualTypeOf<Prisma.Visibility>();
    expectTypeOf<Export.AnchorStatus>().toEqualTypeOf<Prisma.AnchorStatus>();
    expectTypeOf<Export.SourceKind>().toEqualTypeOf<Prisma.SourceKind>();
    expectTypeOf<Export.LinkType>().toEqualTypeOf<Prisma.LinkType>();
    expectTypeOf<Export.ContradictionVerdict>().toEqualTypeOf<Prisma.ContradictionVerdict>();
  });
});
