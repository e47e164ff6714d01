import { describe, expect, it } from "vitest";
import { formatCitation } from "./format-citation";
import { HISTORY, INTERVIEW, UNDATED_NOTE } from "./sample-export-set";

describe("formatCitation", () => {
  it("cites an article in a newspaper with its issue, date, page, archive and URL", () => {
    expect(formatCitation(INTERVIEW)).toBe(
      "Stalin, J. V. “About the discussion: Interview with a Rosta correspondent.” Pravda, no. 7. Moscow, 1924-01-09, 2. " +
        "RGASPI f. 558, op. 1, d. 2574. Marxists Internet Archive. https://www.marxists.org/reference/archive/stalin/works/1924/01/09.htm.",
    );
  });

  it("cites a book with its edition and publisher", () => {
    expect(formatCitation(HISTORY)).toBe(
      "Commission of the Central Committee of the C.P.S.U.(B.). Creating the material basis of socialism. 2nd ed. Moscow: Foreign Languages Publishing House, c. 1938, 270–275.",
    );
  });

  it("says n.d. for an undated source and leaves out what is missing", () => {
    expect(formatCitation(UNDATED_NOTE)).toBe("A note with no metadata. n.d.");
  });

  it("writes an edition as Chicago does unless it already says so", () => {
    expect(formatCitation({ ...UNDATED_NOTE, edition: "Revised edition" })).toBe("A note with no metadata. Revised edition. n.d.");
    expect(formatCitation({ ...UNDATED_NOTE, edition: "3rd ed." })).toBe("A note with no metadata. 3rd ed. n.d.");
  });

  it("joins several authors, Cyrillic names included", () => {
    expect(formatCitation({ ...UNDATED_NOTE, authors: ["Сталин, И. В.", "Бухарин, Н. И."] })).toBe("Сталин, И. В. and Бухарин, Н. И. A note with no metadata. n.d.");
    expect(formatCitation({ ...UNDATED_NOTE, authors: ["A", "B", "C"] })).toBe("A; B; and C. A note with no metadata. n.d.");
  });
});
