import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addFeedbackDimension, feedbackDimensions } from './feedbackDimensions';

describe('feedback dimensions', () => {
  it('has the four standard ones and keeps those a workspace adds; refuses a bad name', () => {
    const doc = new Y.Doc();
    expect(feedbackDimensions(doc)).toEqual(['quality', 'communication', 'reliability', 'collaboration']);
    expect(addFeedbackDimension(doc, 'Code review', null)).toBe('code-review');
    expect(() => addFeedbackDimension(doc, '9 lives!', null)).toThrow(/dimension/);
    doc.getMap('feedbackDimensions').set('BAD NAME', true);
    expect(feedbackDimensions(doc)).toEqual(['quality', 'communication', 'reliability', 'collaboration', 'code-review']);
    doc.destroy();
  });
});
