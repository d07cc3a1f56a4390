-- a
SELECT 'x;''y', `a``b`; # c
/*!40101 SET x=1 */;
delimiter $$
BEGIN; END$$
DELIMITER ;
