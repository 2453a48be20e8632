/** Locale number formatting for reports ('zh-CN' or 'en-US' through Intl.NumberFormat). */

/** The report languages. */
export type ReportLang = 'zh' | 'en';

/** Number formatters of one locale. Every one prints `–` for null or a non-finite number. */
export interface NumberFormat {
  /** A number with `digits` decimals (default 2). */
  num(x: number | null | undefined, digits?: number): string;
  /** A whole number with grouping (4,484). */
  int(x: number | null | undefined): string;
  /** A share on [0, 1] as a percentage with `digits` decimals (default 1): 0.4231 → 42.3%. */
  pct(x: number | null | undefined, digits?: number): string;
  /** A p value: `< 0.001`, else three decimals. */
  p(x: number | null | undefined): string;
  /** A signed number (+1.20 / −0.35) with `digits` decimals (default 2). */
  signed(x: number | null | undefined, digits?: number): string;
}

/** The dash printed where a figure is undefined. */
export const NONE = '–';

/**
 * The number formatters for a report language.
 *
 * @example
 * numberFormat('en').int(4484) // '4,484'
 * numberFormat('zh').pct(0.4231) // '42.3%'
 */
export function numberFormat(lang: ReportLang): NumberFormat {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  const cache = new Map<string, Intl.NumberFormat>();
  const nf = (min: number, max: number, style: 'decimal' | 'percent' = 'decimal'): Intl.NumberFormat => {
    const key = `${min}:${max}:${style}`;
    let f = cache.get(key);
    if (!f) {
      f = new Intl.NumberFormat(locale, { minimumFractionDigits: min, maximumFractionDigits: max, style });
      cache.set(key, f);
    }
    return f;
  };
  const ok = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x);
  // Intl prints −0.00 for tiny negatives; a report shows 0.00.
  const clean = (s: string) => (/^-0([.,]0*)?%?$/.test(s) ? s.slice(1) : s).replace(/^-/, '−');
  return {
    num: (x, digits = 2) => (ok(x) ? clean(nf(digits, digits).format(x)) : NONE),
    int: (x) => (ok(x) ? clean(nf(0, 0).format(x)) : NONE),
    pct: (x, digits = 1) => (ok(x) ? clean(nf(digits, digits, 'percent').format(x)) : NONE),
    p: (x) => (ok(x) ? (x < 0.001 ? `< ${nf(3, 3).format(0.001)}` : nf(3, 3).format(x)) : NONE),
    signed: (x, digits = 2) => {
      if (!ok(x)) return NONE;
      const s = clean(nf(digits, digits).format(x));
      return s.startsWith('−') || /^0([.,]0*)?$/.test(s) ? s : `+${s}`;
    },
  };
}
