import { gapsSection } from './gaps.js';
import { hierarchySection } from './hierarchy.js';
import { impactsSection } from './impacts.js';
import { indicesSection } from './indices.js';
import { ipmaSection } from './ipma.js';
import { kpisSection } from './kpis.js';
import { pathsSection } from './paths.js';
import { qualitySection } from './quality.js';
import { sampleSection } from './sample.js';
import { scorecardSection } from './scorecard.js';
import type { Section } from './section.js';
import { segmentsSection } from './segments.js';
import { settingsSection } from './settings.js';
import { wavesSection } from './waves.js';

/** The report's sections in reading order (the order: sample, model, indices, drivers, groups, time, targets, KPIs, then the analyst's checks). */
export const SECTIONS: Section[] = [
  sampleSection,
  pathsSection,
  indicesSection,
  hierarchySection,
  impactsSection,
  ipmaSection,
  segmentsSection,
  wavesSection,
  scorecardSection,
  gapsSection,
  kpisSection,
  qualitySection,
  settingsSection,
];

export type { Section } from './section.js';
