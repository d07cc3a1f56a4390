-- 043: the console's search by address, paged in address order.  The index
-- was (organization_id, address(100)): a prefix index gives no order, so
-- page 1 of a common street read and sorted every account on it (213,000 of
-- a million accounts for "г. Энск, ул. Молод", about one request a second).
-- On the whole address, the search reads its page in the index's order
-- (address, then id, which InnoDB appends) and stops after it: 20 rows read
-- for a page of 20.  The organization is checked row by row against the
-- staff member's: on a database shared by organizations, a prefix common in
-- another organization is read past, not searched.
ALTER TABLE accounts DROP KEY ix_accounts_address, ADD KEY ix_accounts_address (address);
