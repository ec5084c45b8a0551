package dev.newsdesk.web;

/** The round trips on the embedded H2 file database (the default). */
class H2ApiRoundTripsTest extends ApiRoundTrips {}
