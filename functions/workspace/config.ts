import { loadConfig } from '../../shared/config';
import { FUNCTIONS } from '../../shared/functions';

/** Read once at cold start: only what this function uses, so a missing variable fails at init. */
export const config = loadConfig(FUNCTIONS.workspace.settings);
