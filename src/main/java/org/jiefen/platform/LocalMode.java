package org.jiefen.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Marks beans that exist only in local mode (embedded engine, child Elasticsearch, GreenMail, dev endpoints). */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ConditionalOnProperty(name = "jiefen.mode", havingValue = "local", matchIfMissing = true)
public @interface LocalMode {}
