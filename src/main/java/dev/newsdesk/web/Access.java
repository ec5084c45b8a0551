package dev.newsdesk.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The key an endpoint needs; endpoints without it are public. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@interface Access {
    Role value();

    /** What a key may do; an admin key may also write. */
    enum Role {
        NONE,
        WRITE,
        ADMIN
    }
}
