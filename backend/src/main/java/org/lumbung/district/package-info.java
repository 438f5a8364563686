/**
 * The district cooperative office's view: every cooperative it audits in one table (the district console), read
 * with a fixed number of set-based queries whatever the number of cooperatives.
 */
@NullMarked
package org.lumbung.district;

import org.jspecify.annotations.NullMarked;
