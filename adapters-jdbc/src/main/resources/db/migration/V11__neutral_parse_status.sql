-- Parse statuses are stored by Lectern's own names; a dialect names them its way when it shows them.
UPDATE documents SET run = 'PENDING' WHERE run = 'UNSTART';
UPDATE documents SET run = 'CANCELLED' WHERE run = 'CANCEL';
UPDATE documents SET run = 'FAILED' WHERE run = 'FAIL';
UPDATE artifacts SET status = 'PENDING' WHERE status = 'UNSTART';
UPDATE artifacts SET status = 'CANCELLED' WHERE status = 'CANCEL';
UPDATE artifacts SET status = 'FAILED' WHERE status = 'FAIL';
