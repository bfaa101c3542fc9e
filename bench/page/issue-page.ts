/**
 * Generated pages for the page benchmark: a long GitHub issue in the React viewer's
 * markup (real error pastes from the knowledge base in some comments), and hostile
 * pages (a 20 MB code block, deep nesting, a page that rewrites itself).
 */
import { prng } from '../corpus';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const PROSE = [
  'Thanks for the report. Can you share the full log and your configuration?',
  'I see the same thing after upgrading; downgrading fixed it for me.',
  'This works on my machine with the latest release. Which OS are you on?',
  'Closing as a duplicate would be premature, the stack trace looks different.',
  'Here is what I ran:',
];

function comment(id: number, body: string): string {
  return `<div class="LayoutHelpers-module__timelineElement" data-wrapper-timeline-id="IC_${id}"><div data-testid="timeline-row-border-IC_${id}"><div class="react-issue-comment"><div data-testid="comment-viewer-outer-box-IC_${id}"><div data-testid="comment-header"><a href="/user${id % 37}">user${id % 37}</a> commented</div><div data-testid="markdown-body" class="markdown-body"><div class="markdown-body">${body}</div></div></div></div></div></div>`;
}

/** A GitHub issue page with `comments` comments; every `errorEvery`-th holds an error paste. */
export function issuePage(comments: number, errors: string[], errorEvery = 10): string {
  const rand = prng(42);
  const parts: string[] = [];
  for (let k = 0; k < comments; k++) {
    const prose = `<p dir="auto">${escapeHtml(PROSE[Math.floor(rand() * PROSE.length)])}</p>`;
    const code =
      k % errorEvery === 0
        ? `<div class="highlight"><pre>${escapeHtml(errors[k % errors.length])}\n    at main (/app/index.js:${k}:7)</pre></div>`
        : k % 3 === 0
          ? `<div class="highlight"><pre><span class="pl-k">const</span> value${k} = <span class="pl-c1">${k}</span>;\nconsole.log(value${k});</pre></div>`
          : '';
    parts.push(comment(k, prose + code));
  }
  return `<!doctype html><html data-color-mode="light"><head><meta charset="utf-8"><title>Issue</title></head><body><div data-testid="issue-viewer-container"><div class="react-issue-body" data-testid="issue-body"><div data-testid="markdown-body" class="markdown-body"><p>Opening issue.</p></div></div><div data-testid="issue-timeline-container">${parts.join('\n')}</div></div></body></html>`;
}

/** One comment holding a code block of about `bytes` characters (log lines, one error at the end). */
export function hugeBlockPage(bytes: number, error: string): string {
  const line = '2026-05-12T15:48:10.753Z [info] request completed in 12 ms, cache hit for key 9f1c2ab\n';
  const body = line.repeat(Math.ceil(bytes / line.length)) + error;
  return issuePageWith(`<div class="highlight"><pre>${escapeHtml(body)}</pre></div>`);
}

/** A comment whose text sits `depth` elements deep. */
export function deepPage(depth: number, error: string): string {
  return issuePageWith(`${'<div>'.repeat(depth)}<pre>${escapeHtml(error)}</pre>${'</div>'.repeat(depth)}`);
}

/** A page that replaces a comment's content every frame, with the same error each time. */
export function rewritingPage(error: string): string {
  const script = `<script>
    const target = document.getElementById('live');
    let n = 0;
    function tick() {
      n++;
      target.innerHTML = '<p>update ' + n + '</p><pre>' + ${JSON.stringify(escapeHtml(error))} + '\\nat tick ' + (n % 7) + '</pre>';
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  </script>`;
  return issuePageWith('<div id="live"></div>', script);
}

function issuePageWith(body: string, tail = ''): string {
  return `<!doctype html><html data-color-mode="light"><head><meta charset="utf-8"><title>Issue</title></head><body><div data-testid="issue-viewer-container"><div data-testid="issue-timeline-container">${comment(1, body)}</div></div>${tail}</body></html>`;
}
