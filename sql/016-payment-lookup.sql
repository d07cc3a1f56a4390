-- 016: staff find an online payment by the provider's id alone (they do not
-- know which provider a subscriber paid through; uq_online_provider starts
-- with the provider), or by the day it was made.
ALTER TABLE online_payments
    ADD KEY ix_online_provider_id (provider_id),
    ADD KEY ix_online_created (created_at);
