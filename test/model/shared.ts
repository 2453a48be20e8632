import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `<repo>/../shared`, the read-only material from other projects (absent on some machines). */
export const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..', 'shared');
export const HAS_SHARED = existsSync(SHARED);
export const SKIP_MSG = '../shared is absent';
