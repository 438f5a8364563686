/** The sample cooperative, one contributor per feature, loaded into an empty database. */
@NullMarked
package org.lumbung.sampledata;

import org.jspecify.annotations.NullMarked;
