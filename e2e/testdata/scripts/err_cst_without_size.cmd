--vec
--partitioning=CST
$SCRIPT
