import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { optionalNumberCodec } from './codecs';
import { commitField, fieldReducer, initialField, type FieldEvent, type FieldState } from './sharedField';

const codec = optionalNumberCodec('Hourly rate', z.number().nonnegative().optional());
const run = (start: number | undefined, ...events: FieldEvent<number | undefined>[]): FieldState<number | undefined> => events.reduce(fieldReducer(codec), initialField(codec, start));

describe('a field bound to a shared value', () => {
  it('writes nothing when the user only focuses and leaves, even after a remote change', () => {
    const s = run(60, { type: 'remote', value: 99 }, { type: 'focus' }, { type: 'blur' });
    expect(s.draft).toBe('99');
    expect(commitField(codec, s)).toEqual({ kind: 'none' });
  });

  it('shows remote changes while not being edited', () => {
    expect(run(60, { type: 'remote', value: 99 })).toMatchObject({ draft: '99', note: { kind: 'none' } });
  });

  it('takes a remote change into a focused, untouched field and says so', () => {
    expect(run(60, { type: 'focus' }, { type: 'remote', value: 99 })).toMatchObject({ draft: '99', note: { kind: 'updated' }, dirty: false });
  });

  it('keeps the user’s text when the value changes remotely mid-edit, and flags the conflict', () => {
    const s = run(60, { type: 'focus' }, { type: 'input', text: '120' }, { type: 'remote', value: 99 });
    expect(s).toMatchObject({ draft: '120', dirty: true, note: { kind: 'conflict', theirs: '99' } });
    expect(commitField(codec, s)).toEqual({ kind: 'write', value: 120 });
    // "use theirs"
    expect(fieldReducer(codec)(s, { type: 'restore' })).toMatchObject({ draft: '99', dirty: false, note: { kind: 'none' } });
  });

  it('a remote change to exactly what the user typed is no conflict', () => {
    expect(run(60, { type: 'focus' }, { type: 'input', text: '99' }, { type: 'remote', value: 99 })).toMatchObject({ dirty: false, note: { kind: 'none' } });
  });

  it('typing back the stored value is not a change', () => {
    const s = run(60, { type: 'focus' }, { type: 'input', text: '61' }, { type: 'input', text: '60' });
    expect(s.dirty).toBe(false);
    expect(commitField(codec, s)).toEqual({ kind: 'none' });
  });

  it('refuses an invalid value with a plain message, and Escape restores the stored one', () => {
    const s = run(60, { type: 'focus' }, { type: 'input', text: '-5' });
    const decision = commitField(codec, s);
    expect(decision).toEqual({ kind: 'invalid', message: 'Hourly rate can’t be negative.' });
    const marked = fieldReducer(codec)(s, { type: 'invalid', message: 'Hourly rate can’t be negative.' });
    expect(marked.error).toMatch(/negative/);
    expect(fieldReducer(codec)(marked, { type: 'restore' })).toMatchObject({ draft: '60', error: null, dirty: false });
    expect(commitField(codec, run(60, { type: 'input', text: 'abc' }))).toEqual({ kind: 'invalid', message: 'Hourly rate must be a number.' });
  });

  it('an emptied optional field clears the value', () => {
    expect(commitField(codec, run(60, { type: 'input', text: '' }))).toEqual({ kind: 'write', value: undefined });
  });
});
