import type { Card } from '@baton/shared-types';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${compact}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        notation: compact ? 'compact' : 'standard',
        maximumFractionDigits: compact ? 1 : 0,
      });
    } catch {
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    }
    formatters.set(key, f);
  }
  return f;
}

/**
 * Builds the formats a board's cards and column totals use. The first number format for a
 * locale costs tens of milliseconds (the locale's data is loaded then): the board page does it
 * while it waits for the board, not in its first render.
 */
export function warmMoneyFormats(locale: string, currency: string): void {
  formatter(locale, currency, false);
  formatter(locale, currency, true);
}

/** "¥1,250,000" on a card; compact ("¥1.3M" / "¥125万") for column totals. */
export function formatMoney(amount: number, currency: string, locale: string, compact = false): string {
  return formatter(locale, currency, compact).format(amount);
}

/** The currency most cards use: what column totals are shown in. */
export function mainCurrency(cards: Iterable<Card>, fallback = 'CNY'): string {
  const counts = new Map<string, number>();
  for (const c of cards) if (!c.archived) counts.set(c.currency, (counts.get(c.currency) ?? 0) + 1);
  let best = fallback;
  let bestCount = 0;
  for (const [currency, n] of counts) {
    if (n > bestCount || (n === bestCount && currency < best)) {
      best = currency;
      bestCount = n;
    }
  }
  return best;
}

/** Sum of amounts per currency, main currency first. */
export function columnTotals(cards: readonly Card[], main: string): Array<{ currency: string; amount: number }> {
  const sums = new Map<string, number>([[main, 0]]);
  for (const c of cards) {
    if (c.amount === null || c.amount === undefined) continue;
    sums.set(c.currency, (sums.get(c.currency) ?? 0) + c.amount);
  }
  return [...sums].map(([currency, amount]) => ({ currency, amount })).filter((t, i) => i === 0 || t.amount > 0);
}

export function formatTotals(totals: ReadonlyArray<{ currency: string; amount: number }>, locale: string): string {
  return totals.map((t) => formatMoney(t.amount, t.currency, locale, true)).join(' + ');
}

/** Whole days since `since`, never negative. */
export function daysSince(since: number | undefined, now: number): number {
  if (!since || !Number.isFinite(since)) return 0;
  return Math.max(0, Math.floor((now - since) / DAY_MS));
}
