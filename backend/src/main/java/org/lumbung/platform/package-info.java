/** What every feature builds on and that knows no feature: errors, hashes, database, money, translations, web. */
@NullMarked
package org.lumbung.platform;

import org.jspecify.annotations.NullMarked;
