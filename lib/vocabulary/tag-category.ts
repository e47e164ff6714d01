import { TagCategory } from "../generated/prisma/enums";
import { enumValues } from "./enum-values";

export { TagCategory };
export const TAG_CATEGORIES = enumValues(TagCategory);

export const TAG_CATEGORY_LABEL: Record<TagCategory, string> = {
  KIND: "Kind",
  TECHNIQUE: "Technique",
  CUSTOM: "Tag",
};
