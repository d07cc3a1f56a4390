-- Demo payments set-up: Энск's accounts can be paid online through the
-- portal's acquirer (the emulator under make run); Almaty's are paid in tenge,
-- which that acquirer does not take, so its subscribers see why not.
UPDATE organizations SET pay_online = 1 WHERE id = 1;
UPDATE organizations SET pay_online = 0 WHERE id = 2;
