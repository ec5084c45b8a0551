package dev.newsdesk.ingest;

import net.jqwik.api.PropertyDefaults;

/** A few hundred fuzz cases in every build, so a reader that lets a stray exception out fails CI. */
@PropertyDefaults(tries = 100)
class ReaderFuzzSmokeTest extends ReaderFuzzing {}
