import { CsiError } from '../errors.js';
import type { KpiSpec } from '../kpi/index.js';

/** The accepted `--kpi` forms, for help and error messages. */
export const KPI_FORMS = 'csat:COL[:LOW-HIGH], nps:COL, fcr:COL, ces:COL, time:COL:THRESHOLD';

const NUMBER = '-?\\d+(?:\\.\\d+)?';
const BOX = new RegExp(`^(${NUMBER})-(${NUMBER})$`);

function bad(spec: string, why: string): CsiError {
  return new CsiError('INVALID_OPTION', `--kpi ${spec}: ${why} (accepted: ${KPI_FORMS}).`);
}

/**
 * Parses one `--kpi` spec into a {@link KpiSpec}: `csat:COL[:LOW-HIGH]`, `nps:COL`, `fcr:COL`, `ces:COL`,
 * `time:COL:THRESHOLD`. A column name may itself contain ':' (the last part is taken as the box or threshold).
 * Errors: INVALID_OPTION, one line naming the spec and the accepted forms.
 *
 * @example
 * parseKpiSpec('csat:SAT1:9-10') // { kind: 'csat', column: 'SAT1', box: [9, 10] }
 * parseKpiSpec('time:wait_sec:60') // { kind: 'time', column: 'wait_sec', threshold: 60 }
 */
export function parseKpiSpec(spec: string): KpiSpec {
  const colon = spec.indexOf(':');
  const kind = (colon < 0 ? spec : spec.slice(0, colon)).trim().toLowerCase();
  const rest = colon < 0 ? '' : spec.slice(colon + 1);
  if (kind !== 'nps' && kind !== 'csat' && kind !== 'fcr' && kind !== 'ces' && kind !== 'time') throw bad(spec, `unknown KPI kind "${kind}"`);
  if (rest === '') throw bad(spec, 'no column named');
  if (kind === 'csat') {
    const last = rest.lastIndexOf(':');
    const tail = last < 0 ? '' : rest.slice(last + 1);
    const m = BOX.exec(tail);
    if (last >= 0 && m) {
      const box: [number, number] = [Number(m[1]), Number(m[2])];
      if (!(box[0] <= box[1])) throw bad(spec, `box ${tail} has LOW above HIGH`);
      if (last === 0) throw bad(spec, 'no column named');
      return { kind, column: rest.slice(0, last), box };
    }
    if (last >= 0 && /^[\d.\s-]+$/.test(tail)) throw bad(spec, `box "${tail}" is not LOW-HIGH`);
    return { kind, column: rest };
  }
  if (kind === 'time') {
    const last = rest.lastIndexOf(':');
    if (last <= 0) throw bad(spec, 'time needs a threshold');
    const tail = rest.slice(last + 1);
    const threshold = Number(tail);
    if (tail.trim() === '' || !Number.isFinite(threshold) || threshold < 0) throw bad(spec, `threshold "${tail}" is not a number ≥ 0`);
    return { kind, column: rest.slice(0, last), threshold };
  }
  return { kind, column: rest };
}

/**
 * Parses every `--kpi` value (repeatable flag) in order.
 *
 * @example
 * parseKpiFlags(['nps:NPS', 'fcr:fcr']) // [{ kind: 'nps', column: 'NPS' }, { kind: 'fcr', column: 'fcr' }]
 */
export function parseKpiFlags(values: readonly string[] | undefined): KpiSpec[] {
  return (values ?? []).map(parseKpiSpec);
}

/**
 * Parses one `--gap PERCEIVED:EXPECTED` value (construct names). Errors: INVALID_OPTION naming the value.
 *
 * @example
 * parseGapSpec('PerceivedQuality:Expectation') // { perceived: 'PerceivedQuality', expected: 'Expectation' }
 */
export function parseGapSpec(spec: string): { perceived: string; expected: string } {
  const parts = spec.split(':');
  if (parts.length !== 2 || parts[0].trim() === '' || parts[1].trim() === '') {
    throw new CsiError('INVALID_OPTION', `--gap ${spec}: expected PERCEIVED:EXPECTED (two construct names).`);
  }
  return { perceived: parts[0].trim(), expected: parts[1].trim() };
}
