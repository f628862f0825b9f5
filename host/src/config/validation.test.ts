import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { formatProblems, validationProblems } from './validation.js';

const Schema = Type.Object(
  {
    mode: Type.Union([Type.Literal('AUTO_STOP'), Type.Literal('ALWAYS_ON')]),
    ids: Type.Array(Type.String({ pattern: '^ws-[0-9a-z]{8,63}$' }), { maxItems: 2 }),
    entry: Type.Union([Type.String(), Type.Object({ name: Type.String() }, { additionalProperties: false })]),
  },
  { additionalProperties: false },
);

describe('validation messages name the field and the reason', () => {
  it('merges a union of literals into one "must be one of"', () => {
    const problems = validationProblems(Schema, { mode: 'SOMETIMES', ids: [], entry: 'x' });
    expect(problems).toEqual([{ path: '/mode', message: 'must be one of "AUTO_STOP", "ALWAYS_ON"' }]);
  });
  it('names array items, missing and unknown fields', () => {
    const text = formatProblems(
      validationProblems(Schema, { ids: ['ws-ok000001', 'nope', 'x'], entry: 'x', extra: 1 }),
    );
    expect(text).toContain('/mode: is required');
    expect(text).toContain('/ids/1: must match pattern');
    expect(text).toContain('/ids: must not have more than 2 items');
    expect(text).toContain('/extra: is not a known field');
  });
  it('drops the type error of the union branch the user did not mean', () => {
    const text = formatProblems(
      validationProblems(Schema, { mode: 'AUTO_STOP', ids: [], entry: { name: 'a', typo: 1 } }),
    );
    expect(text).toContain('/entry/typo: is not a known field');
    expect(text).not.toContain('/entry: must be string');
  });
  it('valid input has no problems', () => {
    expect(
      validationProblems(Schema, { mode: 'ALWAYS_ON', ids: ['ws-ok000001'], entry: { name: 'a' } }),
    ).toEqual([]);
  });
});
