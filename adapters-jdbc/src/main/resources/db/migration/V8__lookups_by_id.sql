-- A public assistant is found by its id alone (its caller names no organization), and a message by
-- its id within its organization (a continuation names only the message it follows).

CREATE INDEX assistants_by_id ON assistants (id);
CREATE INDEX messages_by_id ON messages (org_id, id);
