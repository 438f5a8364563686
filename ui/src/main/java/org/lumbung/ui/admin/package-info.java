/** Screens of administration: users, cooperatives, the profile, API tokens. */
@NullMarked
package org.lumbung.ui.admin;

import org.jspecify.annotations.NullMarked;
