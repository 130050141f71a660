/** A compiled catcher of a `Catch` array. */
import type { JsonataTemplate } from '../jsonata/jsonata-template.js';
import type { ResultPath } from '../jsonpath/path.js';
import type { Assign } from '../variables/assign.js';

export interface Catcher {
  errorEquals: string[];
  next: string;
  /** `null` in the definition: output = raw input, error discarded. Absent means `$`. */
  resultPath: ResultPath | null;
  /** Variables set when the catcher is taken; assigned in the state's own scope. */
  assign?: Assign;
  /** JSONata `Output` (absent: the error output, {Error, Cause}). */
  output?: JsonataTemplate;
}
