-- Deleted article ids, so the other nodes of a cluster take them out of their trending lists on their next sync.
-- Kept a week (every node prunes older rows); a node restarted after that registers only the stored articles.
CREATE TABLE article_deletion (
    id         VARCHAR(512)             NOT NULL PRIMARY KEY,
    deleted_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX article_deletion_at ON article_deletion (deleted_at);
