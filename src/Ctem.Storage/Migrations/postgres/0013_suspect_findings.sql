-- Why the latest observation of a finding was suspect (its advisory is for another ecosystem than the component's, …):
-- shown and ranked down, never dropped. NULL when nothing spoke against it.
ALTER TABLE findings ADD COLUMN suspect TEXT NULL;
