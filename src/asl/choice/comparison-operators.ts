/**
 * The table of Choice comparison operators: what each one's literal operand must be, and how
 * it compares a value with an operand at run time. A value (or a `…Path` operand) of the
 * wrong type makes the comparison false rather than an error, as in Step Functions.
 */
import type { Json } from '../json.js';
import { compareInstants, parseInstant } from '../timestamp.js';
import { stringMatches } from './string-matches.js';

/** What a literal operand must be; a `…Path` operator's operand is a Reference Path. */
export type OperandKind = 'string' | 'number' | 'boolean' | 'timestamp';

export interface ComparisonOperator {
  name: string;
  /** True for the `…Path` twins, whose operand is read from the input or context. */
  path: boolean;
  operand: OperandKind;
  test(value: Json, operand: Json): boolean;
}

type Order = (a: Json, b: Json) => number | undefined;

const RELATIONS: Record<string, (order: number) => boolean> = {
  Equals: (order) => order === 0,
  LessThan: (order) => order < 0,
  GreaterThan: (order) => order > 0,
  LessThanEquals: (order) => order <= 0,
  GreaterThanEquals: (order) => order >= 0,
};

function sign(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Strings order by UTF-16 code units (Java's compareTo), which is what JS `<` does.
const stringOrder: Order = (a, b) =>
  typeof a === 'string' && typeof b === 'string' ? sign(a, b) : undefined;
const numericOrder: Order = (a, b) =>
  typeof a === 'number' && typeof b === 'number' ? sign(a, b) : undefined;

const timestampOrder: Order = (a, b) => {
  const left = parseInstant(a);
  const right = left && parseInstant(b);
  return left && right ? compareInstants(left, right) : undefined;
};

const FAMILIES: [string, OperandKind, Order][] = [
  ['String', 'string', stringOrder],
  ['Numeric', 'number', numericOrder],
  ['Timestamp', 'timestamp', timestampOrder],
];

function withPathTwin(
  name: string,
  operand: OperandKind,
  test: ComparisonOperator['test'],
): ComparisonOperator[] {
  return [
    { name, path: false, operand, test },
    { name: `${name}Path`, path: true, operand, test },
  ];
}

function buildTable(): Map<string, ComparisonOperator> {
  const operators: ComparisonOperator[] = [];
  for (const [family, operand, order] of FAMILIES) {
    for (const [relation, holds] of Object.entries(RELATIONS)) {
      operators.push(
        ...withPathTwin(`${family}${relation}`, operand, (value, other) => {
          const result = order(value, other);
          return result !== undefined && holds(result);
        }),
      );
    }
  }
  const booleanEquals = (value: Json, other: Json) => typeof value === 'boolean' && value === other;
  operators.push(...withPathTwin('BooleanEquals', 'boolean', booleanEquals));
  operators.push({
    name: 'StringMatches',
    path: false,
    operand: 'string',
    test: (value, pattern) =>
      typeof value === 'string' && typeof pattern === 'string' && stringMatches(value, pattern),
  });
  return new Map(operators.map((operator) => [operator.name, operator]));
}

export const COMPARISON_OPERATORS: ReadonlyMap<string, ComparisonOperator> = buildTable();
