import chardet from "chardet";
import iconv from "iconv-lite";

/** Encodings the add-document form offers; detection may also find another that iconv-lite knows. */
export const TEXT_ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "windows-1251", "koi8-r", "iso-8859-5", "windows-1252", "iso-8859-1", "iso-8859-2", "windows-1250"] as const;

export type DecodeOutcome = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/** Below this confidence (0–100) chardet is guessing; real text in a legacy encoding scores 25+. */
const MIN_CONFIDENCE = 10;

/**
 * Decodes a text file's bytes: a byte-order mark decides; else valid UTF-8 is UTF-8; else chardet
 * names the likeliest single-byte encoding. `encoding` (the user's choice) overrides detection. The
 * result must look like text — mostly letters, digits, spaces and punctuation — or it is refused
 * as byte soup rather than stored as mojibake.
 */
export function decodeText(bytes: Uint8Array, encoding?: string): DecodeOutcome {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding) {
    const name = encoding.toLowerCase();
    if (!iconv.encodingExists(name)) return { ok: false, reason: `“${encoding}” is not an encoding this workbench knows.` };
    return plausible(iconv.decode(buffer, name), name);
  }
  if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) return plausible(iconv.decode(buffer, "utf-8"), "utf-8");
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return plausible(iconv.decode(buffer, "utf-16le"), "utf-16le");
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return plausible(iconv.decode(buffer, "utf-16be"), "utf-16be");
  if (buffer.includes(0)) return { ok: false, reason: "this is a binary file, not text." };
  try {
    return plausible(new TextDecoder("utf-8", { fatal: true }).decode(buffer), "utf-8");
  } catch {
    // Not UTF-8: a legacy single-byte encoding, or not text at all.
  }
  // chardet ranks well on long texts but guesses on a line or two (a short windows-1251 text may
  // come out as Hebrew): each single-byte encoding offered is scored too by how its words are cased.
  const ranked = chardet.analyse(buffer.subarray(0, 256 * 1024));
  const confidence = new Map(ranked.map((c) => [c.name.toLowerCase(), c.confidence]));
  const scored = SINGLE_BYTE.map((name) => {
    const text = iconv.decode(buffer.subarray(0, 64 * 1024), name);
    return { name, score: wellCasedShare(text) + russianLetterBonus(text) + (confidence.get(name) ?? 0) / 100 };
  }).sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best || best.score < MIN_CONFIDENCE / 100) {
    return { ok: false, reason: "its bytes are not text in any encoding the workbench recognises (UTF-8, UTF-16, windows-1251, KOI8-R, ISO-8859-1/2, windows-1252)." };
  }
  return plausible(iconv.decode(buffer, best.name), best.name);
}

/**
 * Russian prose is two-thirds made of its fifteen commonest letters; a Cyrillic text decoded with
 * the wrong code page is not. Weighted by how Cyrillic the text is, so Latin texts are untouched.
 */
function russianLetterBonus(text: string): number {
  const letters = text.match(/\p{L}/gu) ?? [];
  const cyrillic = letters.filter((c) => /[\u0400-\u04FF]/.test(c));
  if (cyrillic.length === 0) return 0;
  const common = cyrillic.filter((c) => "оеаинтсрвлкмдпуОЕАИНТСРВЛКМДПУ".includes(c)).length;
  return 0.5 * (common / cyrillic.length) * (cyrillic.length / letters.length);
}

const SINGLE_BYTE = ["windows-1251", "koi8-r", "iso-8859-5", "windows-1252", "iso-8859-1", "iso-8859-2", "windows-1250"] as const;

/**
 * Of the words with a letter beyond ASCII, the share cased as words are (all lower, all upper, or
 * capitalised) and in one script. Text decoded with the wrong Cyrillic code page swaps case inside
 * words ("пРАВДА"); a Latin text read as Cyrillic mixes the scripts.
 */
function wellCasedShare(text: string): number {
  const words = text.match(/[\p{L}]{2,}/gu)?.filter((word) => /[^\x00-\x7F]/.test(word)) ?? [];
  if (words.length === 0) return 0;
  // A word is cased as words are, and in one script: "Zażółć" read as windows-1251 mixes Latin and Cyrillic.
  const oneScript = (word: string) => !(/\p{Script=Latin}/u.test(word) && /\p{Script=Cyrillic}/u.test(word));
  const good = words.filter((word) => oneScript(word) && (/^\p{Lu}?\p{Ll}+$/u.test(word) || /^\p{Lu}+$/u.test(word))).length;
  return good / words.length;
}

/** Share of characters that real prose is made of; byte soup decoded as a single-byte encoding falls far below. */
function plausible(text: string, encoding: string): DecodeOutcome {
  const sample = text.slice(0, 200_000);
  if (sample.length === 0) return { ok: true, text, encoding };
  let good = 0;
  for (const char of sample) {
    if (/[\p{L}\p{N}\s.,;:!?'"«»“”„‘’()[\]\-–—…/#*_%&+=<>@§№]/u.test(char)) good += 1;
  }
  if (good / [...sample].length < 0.85) {
    return { ok: false, reason: `its bytes do not read as text in ${encoding} (too many stray symbols); if it is text, choose its encoding.` };
  }
  return { ok: true, text, encoding };
}
