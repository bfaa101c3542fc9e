// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Highlight } from '../../src/ui/highlight';

function marked(text: string, ranges?: Array<[number, number]>) {
  const root = document.createElement('div');
  render(<Highlight text={text} ranges={ranges} />, root);
  return { text: root.textContent, marks: [...root.querySelectorAll('mark')].map((m) => m.textContent) };
}

describe('Highlight', () => {
  it.each([
    ['no ranges', 'Connection closed', undefined, []],
    ['one run', 'Connection closed', [[0, 9]], ['Connection']],
    ['runs out of order', 'Connection closed', [[11, 16], [0, 9]], ['Connection', 'closed']],
    ['overlapping runs keep the first', 'Connection closed', [[0, 9], [5, 12]], ['Connection']],
    ['short runs dropped beside long ones', 'Precondition check failed', [[3, 11], [17, 18], [21, 22]], ['condition']],
    ['short runs kept when they are all there is', 'npm ERR', [[4, 5]], ['ER']],
  ] as const)('%s', (_, text, ranges, marks) => {
    const out = marked(text, ranges as Array<[number, number]> | undefined);
    // The text itself is never altered, only wrapped.
    expect(out.text).toBe(text);
    expect(out.marks).toEqual(marks);
  });

  it('renders markup in the text as text', () => {
    const out = marked('<img src=x onerror=alert(1)> failed', [[0, 4]]);
    expect(out.text).toBe('<img src=x onerror=alert(1)> failed');
    expect(out.marks).toEqual(['<img ']);
  });
});
