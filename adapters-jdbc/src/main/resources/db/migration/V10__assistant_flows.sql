-- How an assistant defined step by step answers (its flow), as JSON; null for other assistants.
ALTER TABLE assistants ADD COLUMN flow VARCHAR(1000000);
