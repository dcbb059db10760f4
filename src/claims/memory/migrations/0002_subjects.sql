-- Schema 2: what a fact is about (a person for a role, the wording for a quote), so that a
-- claim that changed (a new title, another speaker) shows the earlier verification as
-- different; and the sentence's content words, to tell one figure's subject from another's.
ALTER TABLE verifications ADD COLUMN subject_key TEXT;
ALTER TABLE verifications ADD COLUMN context TEXT;
CREATE INDEX verifications_subject ON verifications (subject_key);
