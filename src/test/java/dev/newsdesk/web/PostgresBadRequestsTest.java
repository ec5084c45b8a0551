package dev.newsdesk.web;

import org.springframework.test.context.ContextConfiguration;

/** The bad-request table on PostgreSQL. */
@ContextConfiguration(initializers = OnPostgres.class)
class PostgresBadRequestsTest extends BadRequests {}
