import type { Label } from '../data/index.js';
import { paths } from './builder.js';
import type { PathSpec } from './types.js';

/**
 * The national customer-satisfaction-index models as data: constructs (with bilingual labels and default mode) and
 * structural paths, without items. {@link preset} binds them to a survey's item names.
 *
 * Construct names are stable English identifiers shared by all presets, so results compare across models:
 * `Image`, `Expectation` (customer expectations; CCSI's 预期质量 expected quality), `Quality` (perceived quality;
 * the "PerceivedQuality", named `Quality` as in seminr's mobi example and our ECSI reference), `Value`
 * (perceived value; SCSB's "perceived performance"), `Satisfaction` (the index construct, the level-1 target),
 * `Complaints`, `Loyalty`.
 */

/** Names of the shipped presets. */
export type PresetName = 'SCSB' | 'ACSI' | 'ECSI' | 'CCSI';

/** One construct of a preset. */
export interface PresetConstruct {
  name: string;
  label: Label;
  /** Default outer-weight mode; {@link PresetOptions.modes} overrides it. */
  mode: 'A' | 'B';
}

/** A preset model: constructs and paths as plain data. */
export interface PresetDefinition {
  name: PresetName;
  label: Label;
  /** The construct whose index is level 1. */
  target: string;
  constructs: readonly PresetConstruct[];
  paths: readonly PathSpec[];
  /** Where the structure comes from (methodology section and its sources). */
  source: string;
}

const C = {
  image: { name: 'Image', label: { en: 'Image', zh: '品牌形象' }, mode: 'A' },
  expectation: { name: 'Expectation', label: { en: 'Customer expectations', zh: '顾客预期' }, mode: 'A' },
  quality: { name: 'Quality', label: { en: 'Perceived quality', zh: '感知质量' }, mode: 'A' },
  value: { name: 'Value', label: { en: 'Perceived value', zh: '感知价值' }, mode: 'A' },
  satisfaction: { name: 'Satisfaction', label: { en: 'Customer satisfaction', zh: '顾客满意度' }, mode: 'A' },
  complaints: { name: 'Complaints', label: { en: 'Customer complaints', zh: '顾客抱怨' }, mode: 'A' },
  loyalty: { name: 'Loyalty', label: { en: 'Customer loyalty', zh: '顾客忠诚' }, mode: 'A' },
} as const satisfies Record<string, PresetConstruct>;

/**
 * SCSB, the Swedish Customer Satisfaction Barometer (Fornell 1992), methodology §3: expectations and perceived
 * performance (value) drive satisfaction; complaints (voice) and loyalty are its consequences. 5 constructs, 6 paths.
 */
export const SCSB: PresetDefinition = {
  name: 'SCSB',
  label: { en: 'Swedish Customer Satisfaction Barometer', zh: '瑞典顾客满意度晴雨表' },
  target: 'Satisfaction',
  constructs: [
    C.expectation,
    { ...C.value, label: { en: 'Perceived performance (value)', zh: '感知绩效（价值）' } },
    C.satisfaction,
    C.complaints,
    C.loyalty,
  ],
  paths: [
    ...paths('Expectation', ['Value', 'Satisfaction']),
    ...paths('Value', 'Satisfaction'),
    ...paths('Satisfaction', ['Complaints', 'Loyalty']),
    ...paths('Complaints', 'Loyalty'),
  ],
  source: 'methodology §3 (Fornell 1992; Johnson et al. 2001)',
};

/**
 * ACSI, the American Customer Satisfaction Index (Fornell et al. 1996), methodology §1.1: 6 constructs, 9 paths
 * (the list is [2nd]-hand in the methodology: Johnson et al. 2001 as restated by van Haaften).
 */
export const ACSI: PresetDefinition = {
  name: 'ACSI',
  label: { en: 'American Customer Satisfaction Index', zh: '美国顾客满意度指数' },
  target: 'Satisfaction',
  constructs: [C.expectation, C.quality, C.value, { ...C.satisfaction, label: { en: 'Customer satisfaction (ACSI)', zh: '顾客满意度（ACSI）' } }, C.complaints, C.loyalty],
  paths: [
    ...paths('Expectation', ['Quality', 'Value', 'Satisfaction']),
    ...paths('Quality', ['Value', 'Satisfaction']),
    ...paths('Value', 'Satisfaction'),
    ...paths('Satisfaction', ['Complaints', 'Loyalty']),
    ...paths('Complaints', 'Loyalty'),
  ],
  source: 'methodology §1.1 (Fornell et al. 1996; Johnson et al. 2001)',
};

/**
 * ECSI, the European Customer Satisfaction Index, methodology §2: the canonical 12-path specification of seminr's
 * `mobi` example (Tenenhaus et al. 2005), with Complaints. 7 constructs, 12 paths, listed by source as seminr does.
 */
export const ECSI: PresetDefinition = {
  name: 'ECSI',
  label: { en: 'European Customer Satisfaction Index', zh: '欧洲顾客满意度指数' },
  target: 'Satisfaction',
  constructs: [C.image, C.expectation, C.quality, C.value, C.satisfaction, C.complaints, C.loyalty],
  paths: [
    ...paths('Image', ['Expectation', 'Satisfaction', 'Loyalty']),
    ...paths('Expectation', ['Quality', 'Value', 'Satisfaction']),
    ...paths('Quality', ['Value', 'Satisfaction']),
    ...paths('Value', 'Satisfaction'),
    ...paths('Satisfaction', ['Complaints', 'Loyalty']),
    ...paths('Complaints', 'Loyalty'),
  ],
  source: 'methodology §2 (seminr mobi example; Tenenhaus et al. 2005)',
};

/**
 * CCSI, the China Customer Satisfaction Index, methodology §4.1: 6 constructs (brand image, expected quality,
 * perceived quality, perceived value, satisfaction, loyalty; no complaints) and 11 paths: the 10 paths all CCSI
 * descriptions share plus Image → Quality (Image → PerceivedQuality, the most common 11th path).
 *
 * UNVERIFIED: the 11th path has not been checked against GB/T 19038-2009 Annex A (candidates: Image → Quality,
 * Image → Value, Value → Loyalty). The path list is plain data: pass `paths` to {@link preset} to change it.
 */
export const CCSI: PresetDefinition = {
  name: 'CCSI',
  label: { en: 'China Customer Satisfaction Index', zh: '中国顾客满意度指数' },
  target: 'Satisfaction',
  constructs: [
    C.image,
    { ...C.expectation, label: { en: 'Expected quality', zh: '预期质量' } },
    C.quality,
    C.value,
    C.satisfaction,
    C.loyalty,
  ],
  paths: [
    ...paths('Image', ['Expectation', 'Satisfaction', 'Loyalty']),
    ...paths('Expectation', ['Quality', 'Value', 'Satisfaction']),
    ...paths('Quality', ['Value', 'Satisfaction']),
    ...paths('Value', 'Satisfaction'),
    ...paths('Satisfaction', 'Loyalty'),
    ...paths('Image', 'Quality'), // the 11th path, UNVERIFIED against GB/T 19038-2009 Annex A
  ],
  source: 'methodology §4.1 (10 shared paths + Image → PerceivedQuality, 11th path unverified)',
};

/** All shipped presets by name. */
export const PRESETS: Readonly<Record<PresetName, PresetDefinition>> = { SCSB, ACSI, ECSI, CCSI };
