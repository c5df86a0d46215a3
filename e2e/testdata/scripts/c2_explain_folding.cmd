--explain=parsing_simplified
$SCRIPT
