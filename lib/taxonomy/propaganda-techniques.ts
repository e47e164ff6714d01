import type { TechniqueTaxonomy } from "../generated/prisma/enums";

export interface TechniqueDefinition {
  /** Stable slug; a tag's key is `${taxonomyPrefix}:${slug}`. */
  slug: string;
  name: string;
  description: string;
  colour: string;
}

/** The 18 techniques of the Propaganda Techniques Corpus (Da San Martino et al., 2019). */
export const PTC_18_TECHNIQUES: readonly TechniqueDefinition[] = [
  { slug: "loaded-language", name: "Loaded language", colour: "#b4442c", description: "Words chosen for emotional charge rather than content." },
  { slug: "name-calling", name: "Name calling / labeling", colour: "#a63d6b", description: "Attaching a label the audience fears or loves to a person or group." },
  { slug: "repetition", name: "Repetition", colour: "#7d5a2b", description: "The same message said again and again until it sticks." },
  { slug: "exaggeration-minimisation", name: "Exaggeration / minimisation", colour: "#b86e12", description: "Inflating or shrinking the size of something." },
  { slug: "doubt", name: "Doubt", colour: "#5e6b2f", description: "Questioning someone's credibility without evidence." },
  { slug: "appeal-to-fear", name: "Appeal to fear / prejudice", colour: "#8c2f39", description: "Building support by stoking anxiety or existing hostility." },
  { slug: "flag-waving", name: "Flag-waving", colour: "#3b5b92", description: "Leaning on patriotism or group identity to justify a position." },
  { slug: "causal-oversimplification", name: "Causal oversimplification", colour: "#4f6d5a", description: "One cause offered for an outcome that has many." },
  { slug: "slogans", name: "Slogans", colour: "#6a4c93", description: "Short, striking phrases that stand in for argument." },
  { slug: "appeal-to-authority", name: "Appeal to authority", colour: "#2f6f7e", description: "A claim held true because an authority said it." },
  { slug: "black-and-white", name: "Black-and-white fallacy", colour: "#444a54", description: "Two options presented as the only ones." },
  { slug: "thought-terminating-cliche", name: "Thought-terminating cliché", colour: "#7a5c61", description: "A phrase that discourages further thought." },
  { slug: "whataboutism", name: "Whataboutism", colour: "#9a6324", description: "Deflecting criticism by pointing at the opponent's faults." },
  { slug: "reductio-ad-hitlerum", name: "Reductio ad hitlerum", colour: "#5b3a29", description: "Discrediting an idea by linking it to a hated group or figure." },
  { slug: "red-herring", name: "Red herring", colour: "#a0522d", description: "Irrelevant material that draws attention from the issue." },
  { slug: "bandwagon", name: "Bandwagon", colour: "#357a38", description: "\"Everyone agrees, so should you\"." },
  { slug: "obfuscation", name: "Obfuscation / intentional vagueness", colour: "#5c6f84", description: "Deliberately unclear wording that lets readers hear what they want." },
  { slug: "straw-man", name: "Straw man", colour: "#8a6d3b", description: "Refuting a distorted version of the opponent's position." },
];

function ptc(slug: string): TechniqueDefinition {
  const technique = PTC_18_TECHNIQUES.find((t) => t.slug === slug);
  if (!technique) throw new Error(`unknown PTC technique ${slug}`);
  return technique;
}

/**
 * SemEval-2020 Task 11's 14 classes: the PTC set with rare techniques merged (and obfuscation
 * dropped), for workspaces that teach with the shared-task labels.
 */
export const SEMEVAL_2020_14_TECHNIQUES: readonly TechniqueDefinition[] = [
  ptc("loaded-language"),
  ptc("name-calling"),
  ptc("repetition"),
  ptc("exaggeration-minimisation"),
  ptc("doubt"),
  ptc("appeal-to-fear"),
  ptc("flag-waving"),
  ptc("causal-oversimplification"),
  ptc("slogans"),
  ptc("appeal-to-authority"),
  ptc("black-and-white"),
  ptc("thought-terminating-cliche"),
  {
    slug: "whataboutism-straw-man-red-herring",
    name: "Whataboutism, straw man, red herring",
    colour: "#9a6324",
    description: "Deflecting from the issue: pointing at the opponent's faults, refuting a distorted version of their position, or bringing in irrelevant material.",
  },
  {
    slug: "bandwagon-reductio-ad-hitlerum",
    name: "Bandwagon, reductio ad hitlerum",
    colour: "#357a38",
    description: "Arguing from who holds a view: everyone agrees, so should you; or a hated group holds it, so it is wrong.",
  },
];

export const TECHNIQUE_TAXONOMIES: Record<TechniqueTaxonomy, { prefix: string; label: string; techniques: readonly TechniqueDefinition[] }> = {
  PTC_18: { prefix: "ptc", label: "Propaganda Techniques Corpus (18 techniques)", techniques: PTC_18_TECHNIQUES },
  SEMEVAL_2020_14: { prefix: "semeval", label: "SemEval-2020 Task 11 (14 classes)", techniques: SEMEVAL_2020_14_TECHNIQUES },
};
