/**
 * EventBridge event patterns, case by case from the EventBridge documentation ("Content
 * filtering in Amazon EventBridge event patterns", "Comparison operators", "Arrays",
 * "Null values and empty strings") and the Event Ruler README it builds on.
 */
import { describe, expect, it } from 'vitest';
import {
  InvalidEventPatternError,
  compileEventPattern,
  testEventPattern,
} from '../../../../src/adapters/local/bus/event-pattern.js';
import type { JsonObject } from '../../../../src/asl/json.js';

const ec2: JsonObject = {
  version: '0',
  id: 'ddddd4-aaaa-7777-4444-345dd43cc333',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '012345679012',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

const detail = (fields: JsonObject): JsonObject => ({ detail: fields });

const cases: [string, JsonObject, boolean][] = [
  [
    'equals, on envelope and detail',
    {
      'detail-type': ['EC2 Instance State-change Notification'],
      detail: { state: ['initializing', 'running'] },
    },
    true,
  ],
  ['equals, no alternative matches', detail({ state: ['stopped', 'pending'] }), false],
  ['equals is case-sensitive', { source: ['AWS.EC2'] }, false],
  ['a field missing from the event', detail({ color: ['red'] }), false],
  [
    'event array intersects the list',
    { resources: ['other', 'arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'] },
    true,
  ],
  ['numbers match numerically', detail({ 'x-limit': [3.018e2] }), true],
  ['a string does not equal a number', detail({ 'c-count': ['5'] }), false],
  ['prefix', { time: [{ prefix: '2017-10-02' }] }, true],
  ['prefix that differs', { time: [{ prefix: '2017-10-03' }] }, false],
  ['prefix ignoring case', { source: [{ prefix: { 'equals-ignore-case': 'AWS.' } }] }, true],
  ['prefix on a number never matches', detail({ 'c-count': [{ prefix: '5' }] }), false],
  ['suffix', { source: [{ suffix: 'ec2' }] }, true],
  ['suffix is case-sensitive', { source: [{ suffix: 'EC2' }] }, false],
  ['suffix ignoring case', { source: [{ suffix: { 'equals-ignore-case': 'EC2' } }] }, true],
  ['equals-ignore-case', { source: [{ 'equals-ignore-case': 'AWS.Ec2' }] }, true],
  ['wildcard', { 'detail-type': [{ wildcard: 'EC2*State-change*' }] }, true],
  ['wildcard must cover the whole value', { source: [{ wildcard: 'aws.ec' }] }, false],
  ['wildcard, star matches nothing too', { source: [{ wildcard: 'aws.ec2*' }] }, true],
  ['wildcard parts in order', { source: [{ wildcard: '*ec2*aws*' }] }, false],
  ['wildcard with an escaped star', detail({ state: [{ wildcard: 'run\\*' }] }), false],
  ['anything-but a string', detail({ state: [{ 'anything-but': 'initializing' }] }), true],
  ['anything-but the value itself', detail({ state: [{ 'anything-but': 'running' }] }), false],
  ['anything-but a number', detail({ 'x-limit': [{ 'anything-but': 123 }] }), true],
  ['anything-but a list of numbers', detail({ 'x-limit': [{ 'anything-but': [100, 200, 301.8] }] }), false],
  [
    'anything-but a list of strings',
    detail({ state: [{ 'anything-but': ['stopped', 'overloaded'] }] }),
    true,
  ],
  ['anything-but a prefix', detail({ state: [{ 'anything-but': { prefix: 'init' } }] }), true],
  ['anything-but a prefix it has', detail({ state: [{ 'anything-but': { prefix: 'run' } }] }), false],
  ['anything-but a suffix it has', detail({ state: [{ 'anything-but': { suffix: 'ing' } }] }), false],
  [
    'anything-but ignoring case',
    detail({ state: [{ 'anything-but': { 'equals-ignore-case': 'RUNNING' } }] }),
    false,
  ],
  ['anything-but a wildcard', detail({ state: [{ 'anything-but': { wildcard: '*unn*' } }] }), false],
  ['anything-but needs the field', detail({ color: [{ 'anything-but': 'red' }] }), false],
  ['numeric range', detail({ 'c-count': [{ numeric: ['>', 0, '<=', 5] }] }), true],
  ['numeric upper bound', detail({ 'd-count': [{ numeric: ['<', 10] }] }), true],
  ['numeric equals', detail({ 'x-limit': [{ numeric: ['=', 3.018e2] }] }), true],
  ['numeric open bound excludes', detail({ 'c-count': [{ numeric: ['>', 5] }] }), false],
  ['numeric closed bound includes', detail({ 'c-count': [{ numeric: ['>=', 5] }] }), true],
  ['numeric on a string never matches', detail({ state: [{ numeric: ['>', 0] }] }), false],
  ['exists true', detail({ 'c-count': [{ exists: true }] }), true],
  ['exists false on a present field', detail({ 'c-count': [{ exists: false }] }), false],
  ['exists false on an absent field', detail({ 'e-count': [{ exists: false }] }), true],
  ['exists true on an absent field', detail({ 'e-count': [{ exists: true }] }), false],
  ['exists false under an absent object', { extra: { x: [{ exists: false }] } }, true],
  ['all fields must match', { source: ['aws.ec2'], detail: { state: ['stopped'] } }, false],
  ['$or: one branch matches', { $or: [{ source: ['aws.s3'] }, { detail: { state: ['running'] } }] }, true],
  ['$or: no branch matches', { $or: [{ source: ['aws.s3'] }, { detail: { state: ['stopped'] } }] }, false],
  [
    '$or nested in detail, with an AND beside it',
    { source: ['aws.ec2'], detail: { $or: [{ 'c-count': [{ numeric: ['>', 9] }] }, { 'd-count': [3] }] } },
    true,
  ],
];

describe('matching a documented EC2 event', () => {
  it.each(cases)('%s', (_, pattern, expected) => {
    expect(testEventPattern(pattern, ec2)).toBe(expected);
  });
});

describe('null values, empty strings, nested objects and arrays', () => {
  const event: JsonObject = {
    detail: {
      eventVersion: '',
      responseElements: null,
      'c-count': { c1: 100 },
      employees: [
        { firstName: 'John', lastName: 'Doe' },
        { firstName: 'Anna', lastName: 'Smith' },
      ],
      tags: [['a', 'b'], ['c']],
      empty: [],
    },
  };
  const table: [string, JsonObject, boolean][] = [
    ['empty string', detail({ eventVersion: [''] }), true],
    ['null', detail({ responseElements: [null] }), true],
    ['null is not the empty string', detail({ responseElements: [''] }), false],
    ['the empty string is not null', detail({ eventVersion: [null] }), false],
    ['null exists', detail({ responseElements: [{ exists: true }] }), true],
    [
      'exists works on leaves only: an object counts as absent',
      detail({ 'c-count': [{ exists: false }] }),
      true,
    ],
    ['an empty array has no leaf', detail({ empty: [{ exists: false }] }), true],
    ['nested object field', detail({ 'c-count': { c1: [100] } }), true],
    ['an element of an array of objects', detail({ employees: { firstName: ['Anna'] } }), true],
    [
      'fields from one element together',
      detail({ employees: { firstName: ['Anna'], lastName: ['Smith'] } }),
      true,
    ],
    [
      'fields from different elements never combine',
      detail({ employees: { firstName: ['Anna'], lastName: ['Doe'] } }),
      false,
    ],
    ['arrays of arrays are flattened', detail({ tags: ['c'] }), true],
  ];
  it.each(table)('%s', (_, pattern, expected) => {
    expect(testEventPattern(pattern, event)).toBe(expected);
  });

  it('reads keys such as __proto__ and constructor as plain keys', () => {
    const tricky = JSON.parse('{"detail": {"__proto__": "x"}}') as JsonObject;
    expect(testEventPattern(JSON.parse('{"detail": {"__proto__": ["x"]}}'), tricky)).toBe(true);
    expect(testEventPattern({ detail: { constructor: [{ exists: true }] } }, tricky)).toBe(false);
  });

  it('accepts a pattern as JSON text, and {} as match-everything', () => {
    expect(testEventPattern('{"source": ["aws.ec2"]}', ec2)).toBe(true);
    expect(testEventPattern({}, ec2)).toBe(true);
  });
});

describe('invalid patterns', () => {
  const invalid: [string, unknown, string][] = [
    ['not an object', ['aws.ec2'], ''],
    ['not JSON', '{"source": [', ''],
    ['a leaf that is not a list', { source: 'aws.ec2' }, '/source'],
    ['an empty list', { source: [] }, '/source'],
    ['an empty nested object', { detail: {} }, '/detail'],
    ['a list inside a list', { source: [['aws.ec2']] }, '/source/0'],
    ['an unknown operator', { source: [{ regex: '.*' }] }, '/source/0'],
    ['an operator object with two keys', { source: [{ prefix: 'a', suffix: 'b' }] }, '/source/0'],
    ['prefix of a number', { source: [{ prefix: 5 }] }, '/source/0/prefix'],
    ['exists with a string', { source: [{ exists: 'yes' }] }, '/source/0/exists'],
    ['numeric with a string value', { n: [{ numeric: ['>', '5'] }] }, '/n/0/numeric'],
    ['numeric with an unknown operator', { n: [{ numeric: ['!=', 5] }] }, '/n/0/numeric'],
    ['numeric with two lower bounds', { n: [{ numeric: ['>', 1, '>=', 2] }] }, '/n/0/numeric'],
    ['numeric with an empty range', { n: [{ numeric: ['>', 5, '<', 1] }] }, '/n/0/numeric'],
    ['numeric equals in a range', { n: [{ numeric: ['=', 5, '<', 10] }] }, '/n/0/numeric'],
    ['anything-but with a boolean', { s: [{ 'anything-but': true }] }, '/s/0/anything-but'],
    ['anything-but with null', { s: [{ 'anything-but': null }] }, '/s/0/anything-but'],
    ['anything-but with a mixed list', { s: [{ 'anything-but': ['a', 1] }] }, '/s/0/anything-but'],
    ['anything-but with an empty list', { s: [{ 'anything-but': [] }] }, '/s/0/anything-but'],
    ['anything-but with exists', { s: [{ 'anything-but': { exists: true } }] }, '/s/0/anything-but'],
    ['wildcard with consecutive stars', { s: [{ wildcard: 'a**b' }] }, '/s/0/wildcard'],
    ['wildcard escaping a letter', { s: [{ wildcard: 'a\\b' }] }, '/s/0/wildcard'],
    ['$or with one branch', { $or: [{ source: ['a'] }] }, '/$or'],
    ['$or that is not a list', { $or: { source: ['a'] } }, '/$or'],
    ['$or with a non-object branch', { $or: [{ source: ['a'] }, ['b']] }, '/$or/1'],
    ['cidr, which the local bus does not support', { ip: [{ cidr: '10.0.0.0/24' }] }, '/ip/0/cidr'],
    ['a number that JSON cannot hold', { n: [Number.POSITIVE_INFINITY] }, '/n/0'],
  ];
  it.each(invalid)('rejects %s', (_, pattern, pointer) => {
    let error: unknown;
    try {
      compileEventPattern(pattern);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidEventPatternError);
    expect((error as InvalidEventPatternError).pointer).toBe(pointer);
    expect((error as Error).message).toMatch(/^Event pattern is not valid at /);
  });
});
