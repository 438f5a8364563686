/** The member registry API for integrations: search, read and register members. */
@NullMarked
package org.lumbung.members.api;

import org.jspecify.annotations.NullMarked;
