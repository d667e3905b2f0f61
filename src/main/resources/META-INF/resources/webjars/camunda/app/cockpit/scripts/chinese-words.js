/*
 * Jiandu: the English words the locale files cannot reach, in Chinese — the same list as Tasklist's
 * (see app/tasklist/scripts/chinese-words.js), loaded from this app's config.js customScripts.
 */
import '../../tasklist/scripts/chinese-words.js';

export default [];
