/** The Vaadin application: its shell (MainLayout, menu groups), start, and what the screens share. */
@NullMarked
package org.lumbung.ui;

import org.jspecify.annotations.NullMarked;
