/**
 * Built-in backups: a consistent logical dump of the whole installation into one ZIP (every table copied out
 * of one snapshot through JDBC, with a manifest of checksums, chain heads and trial balances), written to the
 * folder the treasurer chose, on demand and on a schedule, old ones rotated; and the restore of such a ZIP into
 * an empty installation, checked by the recomputed chains and trial balances before it commits (docs in the
 * README, "Where the data lives, and backups").
 */
@NullMarked
package org.lumbung.backup;

import org.jspecify.annotations.NullMarked;
