/** Sign-in, users, API tokens, and the access table that says which role may do what. */
@NullMarked
package org.lumbung.security;

import org.jspecify.annotations.NullMarked;
