/** The API's common web parts: RFC 7807 problems, the request's origin. */
@NullMarked
package org.lumbung.platform.web;

import org.jspecify.annotations.NullMarked;
