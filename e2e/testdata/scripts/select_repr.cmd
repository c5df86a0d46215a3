--select-matrix-repr
$SCRIPT
