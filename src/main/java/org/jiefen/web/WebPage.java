package org.jiefen.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the web interface: its views get the page model ({@link PageModel}) and
 * its failures an HTML error page ({@link PageErrors}) instead of a problem body.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface WebPage {}
