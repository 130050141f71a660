/** The 18 intrinsic functions of the States Language (JSONPath), by name. */
import type { IntrinsicFunction } from './function-types.js';
import { statesArray, statesArrayPartition, statesArrayRange } from './functions/array-construction.js';
import {
  statesArrayContains,
  statesArrayGetItem,
  statesArrayLength,
  statesArrayUnique,
} from './functions/array-query.js';
import { statesBase64Decode, statesBase64Encode, statesHash } from './functions/encoding.js';
import { statesFormat } from './functions/format.js';
import { statesJsonMerge, statesJsonToString, statesStringToJson } from './functions/json-manipulation.js';
import { statesMathAdd, statesMathRandom } from './functions/math.js';
import { statesStringSplit } from './functions/string-split.js';
import { statesUuid } from './functions/uuid.js';

export const INTRINSIC_FUNCTIONS: ReadonlyMap<string, IntrinsicFunction> = new Map(
  [
    statesFormat,
    statesStringToJson,
    statesJsonToString,
    statesArray,
    statesArrayPartition,
    statesArrayContains,
    statesArrayRange,
    statesArrayGetItem,
    statesArrayLength,
    statesArrayUnique,
    statesBase64Encode,
    statesBase64Decode,
    statesHash,
    statesJsonMerge,
    statesMathRandom,
    statesMathAdd,
    statesStringSplit,
    statesUuid,
  ].map((fn) => [fn.name, fn]),
);
