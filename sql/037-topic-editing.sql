-- 037: staff keep their organization's list of appeal topics: add one, rename
-- one, or take one off the list (an appeal already written keeps its topic,
-- so a topic is retired, never deleted).
ALTER TABLE appeal_topics ADD COLUMN active TINYINT(1) NOT NULL DEFAULT 1;
