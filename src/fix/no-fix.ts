/**
 * The "no quick fix" contract between the rules and the codemod engine. A rule
 * that reports a site without a rewrite ends its message with
 * `noFixText(reason)`; the engine reads the reason back with
 * `noQuickFixReason` to tell the user why the site was left for a person.
 * The marker is written here only.
 */

const MARKER = ' No quick fix: ';

/** The message tail that says why no rewrite is offered (` No quick fix: <reason>.`), or '' when there is no reason. */
export function noFixText(reason: string | null | undefined): string {
  return reason ? `${MARKER}${reason}.` : '';
}

/** The reason a rule gave for not offering a rewrite: the text after "No quick fix:", without the final period. */
export function noQuickFixReason(message: string): string | null {
  const at = message.lastIndexOf(MARKER);
  if (at === -1) return null;
  let reason = message.slice(at + MARKER.length).trim();
  if (reason.endsWith('.')) reason = reason.slice(0, -1);
  return reason.length > 0 ? reason : null;
}
