/** The query language of a machine or state (its own file so that field compilers need not import types.ts). */
export type QueryLanguage = 'JSONPath' | 'JSONata';
