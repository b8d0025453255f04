/**
 * The pay link (docs/reference/settings.md §3.11): a URL template a payment provider or a bank's
 * pay-by-link page gives, filled per message with the amount, currency, payment reference and
 * customer code. It is a link, never a call: duedesk only prints it. The host is fixed in the
 * template so no customer data can send the payer elsewhere.
 */

/** The placeholders a pay link may hold. */
export const PAY_LINK_PLACEHOLDERS = ['amount', 'currency', 'reference', 'customer'] as const;

/** What a pay link is filled with: the amount as a decimal string, the ISO currency, the compact RF reference, the customer code. */
export type PayLinkValues = Record<(typeof PAY_LINK_PLACEHOLDERS)[number], string>;

/** Why `template` is not a usable pay link, or null when it is. */
export function payLinkProblem(template: string): string | null {
  if (!template.startsWith('https://')) return 'must start with https://';
  const authority = template.slice('https://'.length).split(/[/?#]/, 1)[0] ?? '';
  if (authority.includes('{') || authority.includes('}')) return 'must name its host itself: no placeholder before the path';
  if (authority.includes('@')) return 'must not carry a user name or password';
  for (const match of template.matchAll(/\{\{\s*([^{}]*?)\s*\}\}/g)) {
    if (!(PAY_LINK_PLACEHOLDERS as readonly string[]).includes(match[1] ?? '')) {
      return `has an unknown placeholder {{${match[1] ?? ''}}} (only ${PAY_LINK_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')})`;
    }
  }
  const bare = template.replace(/\{\{\s*[a-z]+\s*\}\}/g, 'x');
  if (bare.includes('{') || bare.includes('}')) return 'has a { or } outside a placeholder';
  if (/\s/.test(bare)) return 'must not contain spaces';
  try {
    const url = new URL(bare);
    if (url.hostname === '') return 'has no host';
  } catch {
    return 'is not a URL';
  }
  return null;
}

/** The template with each placeholder replaced by its value, URL-encoded. */
export function fillPayLink(template: string, values: PayLinkValues): string {
  return template.replace(/\{\{\s*([a-z]+)\s*\}\}/g, (whole, name: string) => {
    const value = (values as Record<string, string | undefined>)[name];
    return value === undefined ? whole : encodeURIComponent(value);
  });
}
