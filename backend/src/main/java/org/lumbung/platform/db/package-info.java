/** The database: embedded PostgreSQL, the cooperative scope of row-level security, statistics. */
@NullMarked
package org.lumbung.platform.db;

import org.jspecify.annotations.NullMarked;
