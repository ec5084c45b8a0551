-- Articles as stored by PUT /api/v1/articles/{id}, with the model's answer at the time they were stored.
-- Portable SQL: the same script runs on H2 (embedded mode) and PostgreSQL.
CREATE TABLE article (
    id            VARCHAR(512)     NOT NULL PRIMARY KEY,
    title         VARCHAR(2000)    NOT NULL,
    body          TEXT             NOT NULL,
    author        VARCHAR(500),
    published     TIMESTAMP WITH TIME ZONE,
    site_category VARCHAR(200),
    tags          TEXT             NOT NULL,
    url           VARCHAR(2000),
    draft         BOOLEAN          NOT NULL,
    label         VARCHAR(64)      NOT NULL,
    confidence    DOUBLE PRECISION NOT NULL,
    probabilities TEXT             NOT NULL,
    needs_review  BOOLEAN          NOT NULL,
    model_version VARCHAR(200)     NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX article_updated_at ON article (updated_at);

-- An editor's correction, kept apart from the model's label; the training corpus for the next model.
CREATE TABLE editor_label (
    article_id   VARCHAR(512)  NOT NULL PRIMARY KEY REFERENCES article (id) ON DELETE CASCADE,
    label        VARCHAR(64)   NOT NULL,
    editor       VARCHAR(200),
    note         VARCHAR(2000),
    model_label  VARCHAR(64)   NOT NULL,
    corrected_at TIMESTAMP WITH TIME ZONE NOT NULL
);
