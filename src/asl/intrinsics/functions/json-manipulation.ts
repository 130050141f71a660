/** States.StringToJson, States.JsonToString and States.JsonMerge. */
import { type Json, type JsonObject, parseJson, setOwn } from '../../json.js';
import { ANY, type IntrinsicFunction } from '../function-types.js';
import { invalidArguments } from '../intrinsic-failure.js';

export const statesStringToJson: IntrinsicFunction = {
  name: 'States.StringToJson',
  minArgs: 1,
  maxArgs: 1,
  argTypes: [['string']],
  run: ([text], _scope, site) => {
    try {
      return parseJson(text as string);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw invalidArguments(site, `the argument is not valid JSON (${reason})`);
    }
  },
};

export const statesJsonToString: IntrinsicFunction = {
  name: 'States.JsonToString',
  minArgs: 1,
  maxArgs: 1,
  argTypes: [ANY],
  run: ([value]) => JSON.stringify(value),
};

/** Shallow merge only: AWS rejects `true` (deep merge). The second object's keys win. */
export const statesJsonMerge: IntrinsicFunction = {
  name: 'States.JsonMerge',
  minArgs: 3,
  maxArgs: 3,
  argTypes: [['object'], ['object'], ['boolean']],
  run: ([first, second, deep], _scope, site) => {
    if (deep === true) {
      throw invalidArguments(site, 'deep merging is not supported; the third argument must be false');
    }
    const merged: JsonObject = {};
    for (const [key, value] of Object.entries(first as JsonObject)) setOwn(merged, key, value);
    for (const [key, value] of Object.entries(second as JsonObject)) setOwn(merged, key, value);
    return merged as Json;
  },
};
