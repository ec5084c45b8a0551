package dev.newsdesk.web;

import org.springframework.test.context.ContextConfiguration;

/** The round trips on PostgreSQL at 127.0.0.1:5432, in a schema of their own. */
@ContextConfiguration(initializers = OnPostgres.class)
class PostgresApiRoundTripsTest extends ApiRoundTrips {}
