import { AppError } from "../errors";

/** One thing wrong with an import file, and where: "annotations.jsonl, line 12", "item 3". */
export interface ImportProblem {
  where: string;
  message: string;
}

/**
 * An import refused as a whole: nothing was written. The problems travel as the error's details,
 * so the page and the API both show them, one per line.
 */
export class ImportRejected extends AppError {
  constructor(message: string, problems: readonly ImportProblem[] = []) {
    super("INVALID_INPUT", message, {}, problems.map((problem) => `${problem.where}: ${problem.message}`));
    this.name = "ImportRejected";
  }
}
