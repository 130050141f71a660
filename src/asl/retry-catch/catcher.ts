/** A compiled catcher of a `Catch` array. */
import type { ResultPath } from '../jsonpath/path.js';

export interface Catcher {
  errorEquals: string[];
  next: string;
  /** `null` in the definition: output = raw input, error discarded. Absent means `$`. */
  resultPath: ResultPath | null;
}
