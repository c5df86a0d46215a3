--vec
$SCRIPT
