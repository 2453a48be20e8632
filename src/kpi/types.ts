/** One KPI (issue 15). csat/fcr: estimate is a share on [0, 1]; nps: points on [−100, 100]. */
export interface KpiResult {
  kind: 'nps' | 'csat' | 'fcr' | 'ces' | 'time';
  column: string;
  n: number;
  nEff: number;
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  method: string;
  /** Standard error of `estimate` (same units), when the method gives one. */
  se?: number | null;
  promoters?: number;
  passives?: number;
  detractors?: number;
  median?: number | null;
  share?: number | null;
  threshold?: number;
  box?: [number, number];
}

/** One row of the satisfaction distribution table (issue 15). */
export interface DistributionRow {
  categories: string[];
  cuts: number[];
  shares: (number | null)[];
  n: number;
}

