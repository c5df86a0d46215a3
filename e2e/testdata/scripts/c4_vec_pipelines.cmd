--vec
--select-matrix-repr
$SCRIPT
