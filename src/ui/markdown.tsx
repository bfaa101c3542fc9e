/**
 * Renders the Markdown subset of markdown-parse.ts as Preact nodes. Text stays text
 * (Preact escapes it); the only attribute taken from the source is a link's href, and
 * only after safeHref() accepted it as https.
 */
import type { ComponentChildren } from 'preact';
import { CopyButton } from './copy-button';
import { parseMarkdown, parseInline, type Block, type Inline } from './markdown-parse';

interface Options {
  /** Adds copy buttons to inline code that looks like a command (code blocks always have one). */
  copyCommands?: boolean;
}

// Code spans that read like a statement in a program or a config key, not a command.
const NOT_A_COMMAND = /^(?:await|async|import|from|def|return|const|let|var|if|for|new|class|function)\b|^["'{[(<#/]|^\S+:(?:\s|$)/;
// Error codes and messages quoted in backticks are not commands either.
const ERROR_TEXT = /\bE[A-Z]{3,}\b|\b[Ee]rror\b/;

/** Whether inline code is worth a copy button: a command line with arguments. */
export function looksLikeCommand(code: string): boolean {
  const text = code.trim();
  return text.length >= 4 && /\s/.test(text) && /^[$.~\w-]/.test(text) && !NOT_A_COMMAND.test(text) && !ERROR_TEXT.test(text);
}

function renderInline(nodes: Inline[], options: Options): ComponentChildren[] {
  return nodes.map((node, k) => {
    if (typeof node === 'string') return node;
    if (node.kind === 'code') {
      if (options.copyCommands && looksLikeCommand(node.text)) {
        return (
          <span class="md-command" key={k}>
            <code>{node.text}</code>
            <CopyButton text={node.text.trim()} />
          </span>
        );
      }
      return <code key={k}>{node.text}</code>;
    }
    if (node.kind === 'strong') return <strong key={k}>{renderInline(node.children, options)}</strong>;
    if (node.kind === 'em') return <em key={k}>{renderInline(node.children, options)}</em>;
    if (!node.href) return <span key={k}>{renderInline(node.children, options)}</span>;
    return (
      <a key={k} href={node.href} rel="noreferrer" target="_blank">
        {renderInline(node.children, options)}
      </a>
    );
  });
}

/**
 * Text where only `code spans` are marked up: titles and summaries quote error output
 * whose brackets, asterisks and backslashes must stay as written.
 */
export function CodeSpans({ text }: { text: string }) {
  const parts = text.split(/`([^`\n]+)`/);
  // Odd indexes are the insides of the spans.
  return <>{parts.map((part, k) => (k % 2 === 1 ? <code key={k}>{part}</code> : part))}</>;
}

function renderBlock(block: Block, k: number, options: Options) {
  switch (block.kind) {
    case 'paragraph':
      return <p key={k}>{renderInline(block.children, options)}</p>;
    case 'heading':
      // Headings inside knowledge text would break the page's outline; they read as a lead-in.
      return (
        <p key={k} class="md-heading">
          <strong>{renderInline(block.children, options)}</strong>
        </p>
      );
    case 'code':
      return (
        <div key={k} class="md-code">
          <pre tabIndex={0}>
            <code>{block.text}</code>
          </pre>
          {block.text.trim() && <CopyButton text={block.text} label={block.text.split('\n')[0]} />}
        </div>
      );
    case 'list': {
      const items = block.items.map((item, n) => <li key={n}>{renderInline(item, options)}</li>);
      return block.ordered ? (
        <ol key={k} start={block.start === 1 ? undefined : block.start}>
          {items}
        </ol>
      ) : (
        <ul key={k}>{items}</ul>
      );
    }
  }
}

export function Markdown({ text, copyCommands = false }: { text: string } & Options) {
  return <>{parseMarkdown(text).map((block, k) => renderBlock(block, k, { copyCommands }))}</>;
}

/** One line of Markdown without a paragraph around it (a fix step, a cause field). */
export function MarkdownInline({ text, copyCommands = false }: { text: string } & Options) {
  return <>{renderInline(parseInline(text), { copyCommands })}</>;
}
