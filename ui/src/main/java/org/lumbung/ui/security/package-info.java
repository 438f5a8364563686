/** Sign-in, first start, the web security and the screens' access check from the access table. */
@NullMarked
package org.lumbung.ui.security;

import org.jspecify.annotations.NullMarked;
