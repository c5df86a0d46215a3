--no-such-flag
$SCRIPT
