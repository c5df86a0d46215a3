--select-matrix-repr
--vec
$SCRIPT
