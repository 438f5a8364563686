/** The backups screen: where backups go, how often, back up now, and the backups in the folder. */
@NullMarked
package org.lumbung.ui.backup;

import org.jspecify.annotations.NullMarked;
