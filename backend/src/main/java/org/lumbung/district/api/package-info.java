/** The outcomes report over the API. */
@NullMarked
package org.lumbung.district.api;

import org.jspecify.annotations.NullMarked;
