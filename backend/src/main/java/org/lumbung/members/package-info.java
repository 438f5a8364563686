/** The member registry: registration, status, migration history, search. */
@NullMarked
package org.lumbung.members;

import org.jspecify.annotations.NullMarked;
