import { describe, expect, it } from 'vitest';
import { formatInputError, positionIn } from '../../src/io/inputError.js';

describe('positionIn', () => {
  it('offsets positions on the first line by the starting column, later lines from column 1', () => {
    const text = '[ a = 1;\n  b = ]';
    expect(positionIn(text, 2, 10, 5)).toEqual({ line: 10, column: 7 });
    expect(positionIn(text, 13, 10, 5)).toEqual({ line: 11, column: 5 });
    expect(positionIn(text, 9, 10, 5)).toEqual({ line: 11, column: 1 });
  });

  it('formats as name:line:column: message', () => {
    expect(formatInputError({ line: 3, column: 7, code: 2008, message: 'bad' }, 'slots.ad')).toBe(
      'slots.ad:3:7: bad',
    );
  });
});
