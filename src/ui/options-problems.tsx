/** A refused change: what was refused and every `file:line: field: problem`, announced at once. */
import { t } from './i18n';

export function ProblemList(props: { heading: string; problems: readonly string[] }) {
  return (
    <div class="problems" role="alert">
      <p class="problems-heading">{props.heading}</p>
      <p class="problems-note">{t('optionsNothingChanged')}</p>
      {props.problems.length > 0 && (
        <ul>
          {props.problems.map((problem, k) => (
            <li key={k}>
              <code>{problem}</code>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
