import type { Block } from '../blocks.js';
import type { ReportContext } from '../context.js';
import type { Dictionary } from '../i18n/index.js';

/**
 * One report section: an anchor id, its title, and its blocks. A section with no blocks (its Study key is absent
 * or empty) is left out of the report, heading and table of contents included.
 */
export interface Section {
  id: string;
  title: (t: Dictionary) => string;
  blocks: (ctx: ReportContext) => Block[];
}
