/**
 * The demo annotation set: what the first-start seed loader adds to the demo workspace on top of the
 * five seed documents (seeds/corpus), so a first-time user sees the workbench in use — claims with
 * verdicts, bias markers from the PTC taxonomy, overlapping spans, and typed links within and across
 * documents. Pure data: the loader anchors each annotation with `locateDemoAnnotation` on the
 * document's normalised text (see lib/documents/read-document-text.ts) and writes the rows itself.
 *
 * Every `exact` is copied character for character from the trimmed text of its file; the test next
 * to this file checks that, and that every link points at annotations that exist.
 */

import type { AnnotationKind } from "../lib/vocabulary/annotation-kind";
import type { ClaimVerdict } from "../lib/vocabulary/claim-verdict";
import type { ContradictionVerdict } from "../lib/vocabulary/contradiction-verdict";
import type { LinkType } from "../lib/vocabulary/link-type";

export type DemoAnnotationKind = Exclude<AnnotationKind, "CUSTOM">;

export interface DemoAnnotation {
  /** Unique, stable: the document's number and a slug, e.g. "002-beloved-leader". */
  key: string;
  /** The manifest's file name (seeds/corpus/manifest.json). */
  file: string;
  /** The quoted span, exactly as it stands in the file's text after trimming and \r\n → \n. */
  exact: string;
  /** 0-based index among the exact matches when the span occurs more than once (default 0). */
  occurrence?: number;
  kind: DemoAnnotationKind;
  /** BIAS_MARKER only: a slug of PTC_18_TECHNIQUES (lib/taxonomy/propaganda-techniques.ts). */
  technique?: string;
  /** CLAIM only. */
  verdict?: ClaimVerdict;
  /** CLAIM only, 0..100. */
  confidence?: number;
  /** A historian's short note. */
  note: string;
}

export interface DemoLink {
  /** DemoAnnotation keys. */
  from: string;
  to: string;
  type: LinkType;
  note: string;
  /** CONTRADICTS only: the verdict on the pair (first = `from`, second = `to`). */
  verdict?: ContradictionVerdict;
  verdictRationale?: string;
}

const F000 = "000_3bfd30e444a00120.txt"; // encyclopedia article (tertiary)
const F001 = "001_55a5bf3ff576e000.txt"; // commemorative reference entry (tertiary)
const F002 = "002_c9e003ea9d822040.txt"; // official party history, Stalin era (secondary)
const F003 = "003_4eaebc00246cf3d8.txt"; // scholarly monograph chapter (secondary)
const F004 = "004_3c134294780b8f8c.txt"; // Stalin, interview of 9 January 1924 (primary)

export const DEMO_ANNOTATIONS: readonly DemoAnnotation[] = [
  // ── 000: encyclopedia article ──────────────────────────────────────────────────────────────
  {
    key: "000-remembered-for-industrialisation",
    file: F000,
    exact: "The congress is best remembered for its declaration of intent to pursue rapid industrialisation of the Soviet Union",
    kind: "CLAIM",
    verdict: "CORROBORATED",
    confidence: 70,
    note: "A statement about the congress's reputation rather than about what it decided. 001 and 002 carry the same label, and 003 confirms the label while placing the decision on industrialisation in April 1925.",
  },
  {
    key: "000-shanin-agrarian-line",
    file: F000,
    exact: "the first, advocated by economist Lev Shanin, postulated that Russia would remain an agrarian country for the foreseeable future",
    kind: "CLAIM",
    verdict: "UNVERIFIED",
    confidence: 60,
    note: "002 names Sokolnikov, not Shanin, as the proponent of the agrarian line. The political report itself (Stalin, Works, vol. 7, listed in 001) would show whom Stalin named.",
  },
  {
    key: "000-home-market-quote",
    file: F000,
    exact: "so long as we are surrounded by capitalist states, we must devote all our energies to making our country remain an independent entity based upon the home market",
    kind: "CLAIM",
    verdict: "CORROBORATED",
    confidence: 85,
    note: "A translation of the passage of Stalin's political report that 002 quotes at greater length. The quotation mark is opened here but never closed.",
  },
  {
    key: "000-zinoviev-coreport",
    file: F000,
    exact: "On the second day, Zinoviev delivered a report of his own, taking a dig at chief theoretician of the Stalin faction Nikolai Bukharin",
    kind: "CLAIM",
    verdict: "CORROBORATED",
    confidence: 80,
    note: "003 agrees that Zinoviev presented a report of his own for the Leningrad side, and (fn. 54) that he and Kamenev had attacked Bukharin's call to the peasants to 'enrich themselves'.",
  },

  // ── 001: commemorative reference entry ─────────────────────────────────────────────────────
  {
    key: "001-dates-and-place",
    file: F001,
    exact: "From 18 to 31 December, 1925 in the Andrey Hall of the Great Kremlin palace in Moscow",
    kind: "CLAIM",
    verdict: "CORROBORATED",
    confidence: 85,
    note: "The dates agree with 002 ('opened in December 1925'), 003 ('late December 1925') and 000 (a speech on 21 December). The hall is not named anywhere else in the corpus.",
  },
  {
    key: "001-delegates",
    file: F001,
    exact: "In the congress participated over 1.300 delegates representing over 1 million communist of the country",
    kind: "CLAIM",
    verdict: "UNVERIFIED",
    confidence: 70,
    note: "No other text in the corpus gives delegate or membership numbers. The entry does not say whether delegates with a consultative vote and candidate members are included in the totals.",
  },
  {
    key: "001-machines-task",
    file: F001,
    exact: "There was set a task to transform the USSR “from a country importing machines and equipment to a country producing them”",
    kind: "CLAIM",
    verdict: "CORROBORATED",
    confidence: 80,
    note: "Matches the aim Stalin set out in his report as 002 quotes it. Setting the aim is not the same as deciding on the means and pace, which is where 003 places the real decision.",
  },
  {
    key: "001-congress-of-industrialisation",
    file: F001,
    exact: "The 14th congress of the party went down to history as a congress of industrialization",
    kind: "CLAIM",
    verdict: "DISPUTED",
    confidence: 50,
    note: "The Soviet label; the entry's literature list opens with the 1945 History of the VKP(b). 003 says the label is Stalin's own and that the April 1925 Conference took the decision.",
  },

  // ── 002: official party history (Stalin era) ───────────────────────────────────────────────
  {
    key: "002-trotskyites-and-zinovievites",
    file: F002,
    exact: "The party defeated the Trotskyites and their friends, the Zinovievites, who had forged a new opposition in Leningrad",
    kind: "CLAIM",
    verdict: "REFUTED",
    confidence: 75,
    note: "Anachronistic: in 1924–25 Zinoviev and Kamenev led the campaign against Trotsky (003). The two groups joined forces only in 1926, after this congress.",
  },
  {
    key: "002-beloved-leader",
    file: F002,
    exact: "beloved leader",
    kind: "BIAS_MARKER",
    technique: "loaded-language",
    note: "Devotional wording in place of description; it presents the 1925 contest for the succession as already settled in Stalin's favour.",
  },
  {
    key: "002-who-whom",
    file: F002,
    exact: "The question of \"who - whom\" was acute",
    kind: "BIAS_MARKER",
    technique: "slogans",
    note: "Lenin's 'kto kogo' used as a slogan: it stands in for an analysis of rural class relations.",
  },
  {
    key: "002-either-or",
    file: F002,
    exact: "either the working class would organize the middle peasant, relying on the poor in the countryside, and lead him, and then the victory of socialism would be assured, or the kulak would succeed in tearing the middle peasant away and leading him along the path of capitalist development",
    kind: "BIAS_MARKER",
    technique: "black-and-white",
    note: "Two outcomes offered as the only possible ones; a long coexistence of peasant market farming with state industry, the premise of NEP, is left out.",
  },
  {
    key: "002-nationalism-fuelled-by-trotskyists",
    file: F002,
    exact: "Local nationalism at that time was fueled by the enemies of the Soviet people - the Trotskyists",
    kind: "BIAS_MARKER",
    technique: "causal-oversimplification",
    note: "A single, hostile cause for a problem the same chapter elsewhere traces to tsarist policy and economic inequality; no evidence is given.",
  },
  {
    key: "002-under-the-leadership-repetition",
    file: F002,
    exact: "Under the leadership of Comrade Stalin",
    occurrence: 1,
    kind: "BIAS_MARKER",
    technique: "repetition",
    note: "The second time this phrase opens a paragraph; 'Comrade Stalin' occurs about thirty times in the chapter.",
  },
  {
    key: "002-april-1925-conference",
    file: F002,
    exact: "Already at the XIV Party Conference (in April 1925), in connection with the new international and domestic situation in the Land of Soviets, all these questions were posed by Comrade Stalin in all sharpness",
    kind: "CLAIM",
    verdict: "CORROBORATED",
    confidence: 80,
    note: "The date of the conference agrees with 003. 002 connects the conference with 'socialism in one country'; 003 says it decided on industrialisation.",
  },
  {
    key: "002-home-market-quote",
    file: F002,
    exact: "we must make every effort to make our country, as long as there is a capitalist encirclement, an economically independent country based on the domestic market",
    kind: "CLAIM",
    verdict: "CORROBORATED",
    confidence: 85,
    note: "Quoted from Stalin's political report to the congress (p. 27 of the edition cited); 000 gives another translation of the same passage.",
  },
  {
    key: "002-sokolnikov-opposed",
    file: F002,
    exact: "It is known that Sokolnikov came out against these propositions of Comrade Stalin with the bourgeois capitulationist program of the Dawesization of the USSR",
    kind: "CLAIM",
    verdict: "CORROBORATED",
    confidence: 65,
    note: "Sokolnikov, People's Commissar of Finance, did oppose the majority at the congress. 'Dawesization' is Stalin's polemical term for his position, not Sokolnikov's own, and 'it is known' stands in for a source.",
  },
  {
    key: "002-sokolnikov-straw-man",
    file: F002,
    exact: "According to his program, the USSR must remain an agrarian country, exporting grain and raw materials and importing machinery and equipment from abroad",
    kind: "BIAS_MARKER",
    technique: "straw-man",
    note: "Sokolnikov's case for financing industry through exports is restated as a wish to keep the country agrarian, which is then easy to reject.",
  },
  {
    key: "002-rejected-capitulatory-plans",
    file: F002,
    exact: "The Fourteenth Party Congress exposed and rejected the capitulatory plans of the Zinovievists",
    kind: "CLAIM",
    verdict: "CORROBORATED",
    confidence: 75,
    note: "Stripped of its labels the claim holds: the congress voted down the Leningrad opposition, as 003 and 000 also show.",
  },
  {
    key: "002-capitulatory-plans",
    file: F002,
    exact: "capitulatory plans",
    kind: "BIAS_MARKER",
    technique: "name-calling",
    note: "'Capitulatory' is a label, not a description of the opposition's programme, which the chapter never sets out.",
  },
  {
    key: "002-delegation-to-leningrad",
    file: F002,
    exact: "The best sons of the party of Lenin-Stalin, comrades Molotov, Kirov, Voroshilov, Kalinin, Andreev, and others, sent by the end of the congress to the Leningrad party organization, completed the defeat of the \"new opposition\"",
    kind: "CLAIM",
    verdict: "CORROBORATED",
    confidence: 75,
    note: "003 also reports a party delegation sent to Leningrad after the congress, with Kirov taking over there, but describes its work as a purge.",
  },
  {
    key: "002-best-sons",
    file: F002,
    exact: "The best sons of the party",
    kind: "BIAS_MARKER",
    technique: "name-calling",
    note: "A glorifying label for the emissaries, which by implication sets the loyal against the disloyal.",
  },
  {
    key: "002-leningrad-97-percent",
    file: F002,
    exact: "The overwhelming mass of the members of the Leningrad party organization (over 97%) branded the anti-Bolshevik action of the \"new opposition\" against the party",
    kind: "CLAIM",
    verdict: "UNVERIFIED",
    confidence: 40,
    note: "No source is given for the 97%. According to 003 the vote was taken while the Leningrad organisation was being purged.",
  },
  {
    key: "002-generals-without-an-army",
    file: F002,
    exact: "generals without an army",
    kind: "BIAS_MARKER",
    technique: "loaded-language",
    note: "A mocking image that turns the opposition leaders' political defeat into ridicule.",
  },
  {
    key: "002-party-of-capitalist-restoration",
    file: F002,
    exact: "the party of capitalist restoration",
    kind: "BIAS_MARKER",
    technique: "name-calling",
    note: "Attaches the most feared label available to the opposition; nothing in the corpus supports the charge that it set out to found a new party.",
  },
  {
    key: "002-significance-quote",
    file: F002,
    exact: "it was able to reveal to the roots the mistakes of the new opposition, cast aside its disbelief and whining",
    kind: "CLAIM",
    verdict: "CORROBORATED",
    confidence: 70,
    note: "Stalin's own summary of the congress's significance, as quoted here, leads with the defeat of the new opposition, not with industrialisation. That supports 003's reading.",
  },
  {
    key: "002-whining",
    file: F002,
    exact: "whining",
    kind: "BIAS_MARKER",
    technique: "loaded-language",
    note: "Stalin's word, quoted with approval: it dismisses the opposition's objections as complaint rather than argument.",
  },
  {
    key: "002-congress-of-socialist-industrialisation",
    file: F002,
    exact: "The 14th Party Congress went down in history as the Congress of the Socialist Industrialization of the USSR",
    kind: "CLAIM",
    verdict: "DISPUTED",
    confidence: 50,
    note: "The canonical Soviet label, repeated by 001. 003 attributes the label to Stalin and dates the decision on industrialisation to the April 1925 Conference.",
  },

  // ── 003: scholarly monograph chapter ───────────────────────────────────────────────────────
  {
    key: "003-famine-toll-5-2-million",
    file: F003,
    exact: "Contemporaneous sources show that it killed 5.2 million people",
    kind: "CLAIM",
    verdict: "DISPUTED",
    confidence: 40,
    note: "The body text presents Pomgol's 1922 figure as established; footnote 18 of the same chapter doubts it.",
  },
  {
    key: "003-fn18-pomgol",
    file: F003,
    exact: "The figure 5.2 million is indicated in the final report of Pomgol (*Pravda*, 13.10.1922)",
    kind: "CLAIM",
    verdict: "UNVERIFIED",
    confidence: 80,
    note: "A checkable citation: the final report of the famine-relief commission, as printed in Pravda. It names the source of the body text's figure.",
  },
  {
    key: "003-fn18-around-3-million",
    file: F003,
    exact: "Data on population movement suggest a figure of around 3 million",
    kind: "CONTRADICTION",
    note: "The author's own footnote sets a demographic estimate of about 3 million against the 5.2 million of the body text, and notes that the work it cites gives no estimate of total casualties.",
  },
  {
    key: "003-falsified-voting",
    file: F003,
    exact: "censoring the press, distorting the history of the discussion within the party, and falsifying intraparty voting",
    kind: "CONTRADICTION",
    note: "Describes how the 1923–24 discussion was conducted; the sentence has no footnote of its own. It bears directly on Stalin's claims of an open discussion and a 90% majority in 004.",
  },
  {
    key: "003-forty-six",
    file: F003,
    exact: "Forty-six influential party figures signed the letter, albeit with some reservations",
    kind: "CLAIM",
    verdict: "DISPUTED",
    confidence: 60,
    note: "The Declaration of the 46 (October 1923) was a separate document from Trotsky's letter of 8 October, though close to it in content. The scale of the opposition is not in doubt.",
  },
  {
    key: "003-finish-with-trotsky",
    file: F003,
    exact: "who had been compromised by their relentless push to 'finish with Trotsky'",
    kind: "CONTRADICTION",
    note: "Zinoviev and Kamenev as Trotsky's chief opponents up to 1925; 003 also reports Zinoviev's proposal, early in 1925, to remove Trotsky from the Politburo and the Central Committee.",
  },
  {
    key: "003-zinoviev-chosen-to-report",
    file: F003,
    exact: "Zinoviev, who had reported on the activities of the Central Committee at the previous congress, was chosen to carry out the task at the upcoming party congress",
    kind: "CLAIM",
    verdict: "CORROBORATED",
    confidence: 80,
    note: "000 confirms that Zinoviev gave a report of his own at the congress. 003's next sentence, calling it 'an act of desperation', is the author's judgement.",
  },
  {
    key: "003-stalin-later-called",
    file: F003,
    exact: "Stalin later called the Fourteenth Congress of the VKS/b, at which this took place, the \"Congress of Industrialization\"",
    kind: "CLAIM",
    verdict: "CORROBORATED",
    confidence: 75,
    note: "The label is in use in 002, a Stalin-era party history, and in 001. The corpus does not show where Stalin first used it.",
  },
  {
    key: "003-conference-decided-industrialisation",
    file: F003,
    exact: "But in fact it was the Fourteenth Conference of RKS/b in April of 1925 that decided on industrialization as the basis for party politics",
    kind: "CLAIM",
    verdict: "DISPUTED",
    confidence: 50,
    note: "A fair corrective to the Soviet label, but put too absolutely: the congress, too, set the aim of a machine-producing country (001), and 002 links the April Conference with 'socialism in one country'.",
  },
  {
    key: "003-settle-accounts",
    file: F003,
    exact: "The main purpose of the VKS/b congress in late December 1925 was to settle accounts with Zinoviev and Kamenev",
    kind: "CLAIM",
    verdict: "CORROBORATED",
    confidence: 70,
    note: "Supported by 000's account of the debates and by the Stalin passage quoted in 002, which defines the congress by its defeat of the new opposition.",
  },
  {
    key: "003-leningrad-purification",
    file: F003,
    exact: "A 'party delegation' set out for Leningrad with the aim of 'purify' the local party organization of Zinoviev supporters. The 'purification' took several weeks and affected seven thousand party functionaries",
    kind: "CLAIM",
    verdict: "UNVERIFIED",
    confidence: 60,
    note: "The delegation is confirmed by 002. The figure of seven thousand functionaries is not checked elsewhere; the next footnote (55) cites a declaration by Zinoviev, an interested party.",
  },

  // ── 004: Stalin, interview of 9 January 1924 ───────────────────────────────────────────────
  {
    key: "004-more-than-90-percent",
    file: F004,
    exact: "it is beyond doubt that the position of the Central Committee is approved by more than 90% of the entire mass of members organized in the RCP(b)",
    kind: "CLAIM",
    verdict: "UNVERIFIED",
    confidence: 25,
    note: "No count or source is given: the share is inferred from resolutions sent in by local organisations, which are not members' votes. The speaker led one side of the dispute.",
  },
  {
    key: "004-ninety-percent-bandwagon",
    file: F004,
    exact: "more than 90% of the entire mass of members",
    kind: "BIAS_MARKER",
    technique: "bandwagon",
    note: "An overwhelming majority invoked a week before the conference met, inviting readers to side with it.",
  },
  {
    key: "004-enemies",
    file: F004,
    exact: "our enemies are trying to take advantage of the discussion",
    kind: "BIAS_MARKER",
    technique: "appeal-to-fear",
    note: "Unnamed enemies are invoked to cast the intra-party debate as a danger to the state.",
  },
  {
    key: "004-fabrications",
    file: F004,
    exact: "all sorts of fabrications about the imaginary disintegration of the RCP(b)",
    kind: "BIAS_MARKER",
    technique: "doubt",
    note: "Reports of a party crisis are dismissed as fabrications without anything being said about their content or source.",
  },
  {
    key: "004-single-will-question",
    file: F004,
    exact: "Should our Party be a single, independent body with a single will, or, on the contrary, should separate factions and groupings be allowed to form as contracting parties within the Party?",
    kind: "BIAS_MARKER",
    technique: "black-and-white",
    note: "The dispute reduced to two options, unity or factions; the opposition's actual demands on inner-party democracy and elections fall between them.",
  },
  {
    key: "004-factions-straw-man",
    file: F004,
    exact: "should separate factions and groupings be allowed to form as contracting parties within the Party",
    kind: "BIAS_MARKER",
    technique: "straw-man",
    note: "As 003 describes them, Trotsky's letter and his 'New Direction' article demanded inner-party democracy and free discussion, not factions acting as contracting parties.",
  },
  {
    key: "004-small-opposition-group",
    file: F004,
    exact: "The small opposition group, which has a couple of well-known names in its composition, holds a different point of view than the entire party as a whole",
    kind: "CLAIM",
    verdict: "DISPUTED",
    confidence: 30,
    note: "003 records forty-six influential signatories in autumn 1923 and a discussion that reached the basic party organisations.",
  },
  {
    key: "004-couple-of-names",
    file: F004,
    exact: "a couple of well-known names",
    kind: "BIAS_MARKER",
    technique: "exaggeration-minimisation",
    note: "Minimises an opposition that included Trotsky and several dozen senior party figures.",
  },
];

export const DEMO_LINKS: readonly DemoLink[] = [
  // ── contradictions across documents ────────────────────────────────────────────────────────
  {
    from: "002-congress-of-socialist-industrialisation",
    to: "003-conference-decided-industrialisation",
    type: "CONTRADICTS",
    note: "Congress of industrialisation (002) against a decision taken at the April 1925 Conference, with the congress aimed at Zinoviev and Kamenev (003).",
    verdict: "UNRESOLVED",
    verdictRationale:
      "Both rest on part of the record: the congress did set the aim of a machine-producing country (as 001 quotes), while 003 argues the decisive turn came in April 1925 and the label is Stalin's retrospective one. The published resolutions of the conference and the congress would settle what each decided.",
  },
  {
    from: "001-congress-of-industrialisation",
    to: "003-conference-decided-industrialisation",
    type: "CONTRADICTS",
    note: "001 repeats the Soviet label; 003 places the decision on industrialisation eight months earlier.",
    verdict: "UNRESOLVED",
    verdictRationale:
      "001 follows the Soviet tradition (its literature list opens with the 1945 History of the VKP(b)), yet its own quotation of the congress's task shows the congress adopted an industrialisation aim. Where the decision was really taken cannot be settled from these texts.",
  },
  {
    from: "000-remembered-for-industrialisation",
    to: "003-conference-decided-industrialisation",
    type: "CONTRADICTS",
    note: "At first sight 000 sides with 001 and 002 against 003.",
    verdict: "NOT_A_CONTRADICTION",
    verdictRationale:
      "000 speaks of how the congress is remembered and of a declaration of intent; 003 accepts that the congress came to be called the congress of industrialisation and disputes only where the decision was made. The two statements are compatible.",
  },
  {
    from: "004-more-than-90-percent",
    to: "003-falsified-voting",
    type: "CONTRADICTS",
    note: "Stalin's 90% majority in the 1923–24 discussion against 003's statement that intra-party voting was falsified.",
    verdict: "UNRESOLVED",
    verdictRationale:
      "004 infers its figure from local resolutions and gives no count; 003 asserts falsification but gives neither figures nor a source for that sentence. The protocols of the local party conferences would be needed to decide.",
  },
  {
    from: "004-small-opposition-group",
    to: "003-forty-six",
    type: "CONTRADICTS",
    note: "'A couple of well-known names' against forty-six influential signatories.",
    verdict: "SECOND_MORE_RELIABLE",
    verdictRationale:
      "Even allowing for 003's merging of Trotsky's letter with the Declaration of the 46, the opposition of 1923 counted dozens of senior figures. 004 is a statement by one side, made during the dispute, and minimises it.",
  },
  {
    from: "003-finish-with-trotsky",
    to: "002-trotskyites-and-zinovievites",
    type: "CONTRADICTS",
    note: "Zinoviev and Kamenev as Trotsky's fiercest opponents (003) against 'the Trotskyites and their friends, the Zinovievites' (002).",
    verdict: "FIRST_MORE_RELIABLE",
    verdictRationale:
      "In 1924–25 Zinoviev and Kamenev were pressing for Trotsky's removal, as 003 documents; their alliance with him came only in 1926. 002 projects the later alliance back onto 1925.",
  },
  {
    from: "000-shanin-agrarian-line",
    to: "002-sokolnikov-opposed",
    type: "CONTRADICTS",
    note: "The agrarian line that Stalin rejected is pinned on Lev Shanin in 000 and on Sokolnikov in 002.",
    verdict: "NOT_A_CONTRADICTION",
    verdictRationale:
      "A political report can attack more than one proponent of a line, so both attributions may hold. The report itself (Stalin, Works, vol. 7, pp. 261–352, in 001's literature list) is the place to check.",
  },
  {
    from: "002-leningrad-97-percent",
    to: "003-leningrad-purification",
    type: "CONTRADICTS",
    note: "A spontaneous 97% condemnation of the opposition (002) against a weeks-long purge of seven thousand functionaries (003).",
    verdict: "SECOND_MORE_RELIABLE",
    verdictRationale:
      "Both may be literally true, since a large vote can follow a purge, but 002 offers the 97% as the members' free judgement and is silent on the purge. On how the Leningrad organisation was brought round, 003 is the more reliable; the 97% itself is unchecked.",
  },

  // ── a contradiction within one document ────────────────────────────────────────────────────
  {
    from: "003-famine-toll-5-2-million",
    to: "003-fn18-around-3-million",
    type: "CONTRADICTS",
    note: "003's body text gives 5.2 million famine deaths; its footnote 18 says the data suggest around 3 million.",
    verdict: "UNRESOLVED",
    verdictRationale:
      "The body text takes Pomgol's contemporary figure, the footnote a later demographic estimate, and the author does not reconcile them. Estimates of the 1921–22 famine's toll vary widely in the literature.",
  },

  // ── agreement, repetition, derivation, response ────────────────────────────────────────────
  {
    from: "003-famine-toll-5-2-million",
    to: "003-fn18-pomgol",
    type: "DERIVES_FROM",
    note: "The body text's 'contemporaneous sources' are, by the author's own footnote, the final report of Pomgol.",
  },
  {
    from: "001-congress-of-industrialisation",
    to: "002-congress-of-socialist-industrialisation",
    type: "SAME_CLAIM_AS",
    note: "The same Soviet formula; 001 lists the 1945 History of the VKP(b) (the Short Course), which 002 also cites.",
  },
  {
    from: "000-home-market-quote",
    to: "002-home-market-quote",
    type: "SAME_CLAIM_AS",
    note: "Two translations of one passage of Stalin's political report: economic independence based on the home market while capitalist encirclement lasts.",
  },
  {
    from: "001-machines-task",
    to: "002-home-market-quote",
    type: "CORROBORATES",
    note: "Both report the aim set at the congress: a country that produces its own machines and equipment and does not depend on imports.",
  },
  {
    from: "002-significance-quote",
    to: "003-settle-accounts",
    type: "CORROBORATES",
    note: "Stalin's own account of the congress's significance, as 002 quotes it, is about the new opposition, which supports 003's reading.",
  },
  {
    from: "002-april-1925-conference",
    to: "003-conference-decided-industrialisation",
    type: "CORROBORATES",
    note: "Agreement on the date of the Fourteenth Conference (April 1925) only; the two texts differ on what it decided.",
  },
  {
    from: "002-congress-of-socialist-industrialisation",
    to: "003-stalin-later-called",
    type: "CORROBORATES",
    note: "002, a Stalin-era history, shows the label in use, as 003 says; it does not show who coined it.",
  },
  {
    from: "000-zinoviev-coreport",
    to: "003-zinoviev-chosen-to-report",
    type: "CORROBORATES",
    note: "Both texts have Zinoviev presenting a report of his own at the congress.",
  },
  {
    from: "002-delegation-to-leningrad",
    to: "003-leningrad-purification",
    type: "CORROBORATES",
    note: "Both texts send a delegation to Leningrad after the congress and both name Kirov; they differ on what was done there.",
  },
  {
    from: "003-settle-accounts",
    to: "001-dates-and-place",
    type: "CORROBORATES",
    note: "Agreement on the date (late December 1925) only.",
  },
  {
    from: "003-conference-decided-industrialisation",
    to: "003-stalin-later-called",
    type: "RESPONDS_TO",
    note: "The author's 'But in fact' answers the label attributed to Stalin in the sentence before.",
  },
];

/**
 * Where a demo annotation's span lies in its document's text: the `occurrence`-th match (0-based,
 * counting overlapping matches) of `exact`. Offsets are JavaScript string indices (UTF-16 code
 * units); the seed corpus has no characters outside the Basic Multilingual Plane, so they equal the
 * code-point offsets the W3C model uses. Throws an Error naming the annotation when it is not found.
 */
export function locateDemoAnnotation(text: string, a: DemoAnnotation): { start: number; end: number } {
  const occurrence = a.occurrence ?? 0;
  if (!a.exact) throw new Error(`Demo annotation "${a.key}" has an empty span.`);
  if (!Number.isInteger(occurrence) || occurrence < 0) {
    throw new Error(`Demo annotation "${a.key}" has an invalid occurrence ${String(a.occurrence)}.`);
  }
  let seen = 0;
  let from = 0;
  for (;;) {
    const start = text.indexOf(a.exact, from);
    if (start === -1) break;
    if (seen === occurrence) return { start, end: start + a.exact.length };
    seen += 1;
    from = start + 1;
  }
  throw new Error(
    `Demo annotation "${a.key}" not found in ${a.file}: wanted occurrence ${occurrence} of "${a.exact.slice(0, 60)}", found ${seen} match${seen === 1 ? "" : "es"}.`,
  );
}
